# Seed 001 ("The GIL Explained"), the free-threaded build check, unchanged.
import sys
print(hasattr(sys, "_enablelegacygcilavailable"))
