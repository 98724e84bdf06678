class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__.lower()

class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
class Cat(Animal):
    def speak(self):
        return "purr"

for a in [Animal("x"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.speak(), a.kind(), isinstance(a, Dog))
print(Puppy.sound, Puppy.__bases__[0].__name__)
print(Puppy.speak is Dog.speak, Dog.speak is Animal.speak)
