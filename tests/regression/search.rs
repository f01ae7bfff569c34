//! Regression cases of the archive, the search command and the command line.
