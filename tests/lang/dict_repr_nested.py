# repr of nested containers with assorted keys and values.
data = {
    "name": "conch",
    "tags": ["vm", "gil", "it's"],
    "sizes": (1, 2.5, -3),
    "nested": {"x": None, "y": True, 3: [{}, (), set()]},
    1: {"deep": {"deeper": [1, [2, [3]]]}},
}
print(data)
print(repr(data) == str(data))
print([{"a": 1}, {"b": [2]}], {(): []}, {1: {2: {3: {}}}})
print({"quote'key": 'double"val', "\u00e9": "\n"})
