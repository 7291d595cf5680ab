/**
 * Feature extraction: the frozen n-gram vectoriser learned at training time and the comment signals
 * (links, phone numbers, capitals, copying from the article, ...). Everything here is immutable once
 * built and safe to share across threads; extraction is a pure function of the comment.
 */
package dev.commentguard.features;
