/**
 * The feedback store: moderators' decisions on comments (spam, ok, low quality), kept in an embedded SQLite
 * database under a data directory, for {@code train --feedback} to learn from. Written by the {@code feedback}
 * command and by the service; several processes may write to one store at once.
 */
package dev.commentguard.feedback;
