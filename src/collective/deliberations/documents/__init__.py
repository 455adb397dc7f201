"""Documents: background conversion (queue, worker, status), checks of bad input."""
