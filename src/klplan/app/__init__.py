"""Use cases: values in, outcome out; they never print and never name a command-line flag."""
