/**
 * The command line: {@code train}, {@code score}, {@code evaluate} and {@code info}, built on picocli.
 * The library never depends on this package.
 */
package dev.commentguard.cli;
