"""Qt item models over service data; each is checked by qtmodeltester in tests/ui."""
