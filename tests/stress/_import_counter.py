# Helper of stress_import_once.py: counts how often _import_target's body ran.
runs = 0
