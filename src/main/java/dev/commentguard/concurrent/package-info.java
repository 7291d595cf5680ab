/** Small helpers for the work the library hands to other threads. */
package dev.commentguard.concurrent;
