import asyncio


class NoAwait:
    pass


class BadAwait:
    def __await__(self):
        return 5


class NotACM:
    pass


async def use(x):
    return await x


async def with_bad():
    async with NotACM():
        pass


async def for_bad():
    async for _ in [1, 2]:
        pass


for coro in [use(NoAwait()), use(BadAwait()), with_bad(), for_bad()]:
    try:
        coro.send(None)
    except TypeError as e:
        print("TypeError:", e)


async def raiser():
    raise KeyError("k")


async def chain():
    try:
        await raiser()
    except KeyError as e:
        raise RuntimeError("wrapped") from e


try:
    asyncio.run(chain())
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))


async def inner():
    await asyncio.sleep(0)
    return 42


async def main():
    c = inner()
    first = await c
    try:
        await c
    except RuntimeError as e:
        print(e)
    return first


print(asyncio.run(main()))
try:
    asyncio.run(42)
except ValueError as e:
    print(e)
asyncio.run(chain())
