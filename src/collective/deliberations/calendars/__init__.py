"""Calendar feeds of the séances (RFC 5545): the public's feed of the public séances."""
