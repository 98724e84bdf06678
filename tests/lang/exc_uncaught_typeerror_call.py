class Greeter:
    def greet(self, name):
        return "hi " + name
Greeter().greet()
