"""Helpers shared by test modules. A test module imports from here (or from conftest.py and the
server modules beside it), never from another test module: tests/test_layers.py checks."""
