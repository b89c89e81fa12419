"""One renderer per output format. Each is the only module that imports its library."""
