/**
 * Pure text processing: normalisation against obfuscation, tokenising and the detectors of links,
 * phone numbers and e-mail addresses. Every type here is stateless or immutable and safe to share
 * across threads.
 */
package dev.commentguard.text;
