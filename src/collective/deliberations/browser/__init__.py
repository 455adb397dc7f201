"""Classic UI views."""
