package dev.commentguard.cli;

import picocli.CommandLine.Command;

/** The exit codes, listed in the help of every command (a mixin's usage attributes go into the command's help). */
@Command(exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        " 0:success",
        " 1:any other error",
        " 2:bad usage (options, arguments, an output that is one of the inputs)",
        " 3:bad input data (a file's content, or a file that cannot be read)",
        " 4:bad model file",
        " 5:could not write output (a full disk, a closed pipe: the reader has gone)"})
final class ExitCodes {
}
