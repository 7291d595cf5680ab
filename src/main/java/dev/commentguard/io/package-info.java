/**
 * Reading comments from CSV and JSON Lines (header aliases, column options, articles joined by id) and
 * writing verdicts as a table, CSV or JSON Lines. Errors name the file and line.
 */
package dev.commentguard.io;
