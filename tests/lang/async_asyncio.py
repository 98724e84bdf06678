import asyncio, time

async def worker(name, q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0.001 * (item % 3))
        results.append((name, item * item))
        q.task_done()

async def produce(q, n, nworkers):
    for i in range(n):
        await q.put(i)
    for _ in range(nworkers):
        await q.put(None)

async def compute(x):
    await asyncio.sleep(0)
    return x * 2

async def failing():
    await asyncio.sleep(0.001)
    raise ValueError("boom")

async def slow():
    await asyncio.sleep(10)

def blocking(n):
    time.sleep(0.01)
    return sum(range(n))

async def main():
    print(await asyncio.gather(*(compute(i) for i in range(5))))
    res = await asyncio.gather(compute(1), failing(), return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        await asyncio.gather(compute(1), failing())
    except ValueError as e:
        print("gather raised", e)
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue(maxsize=3)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    await produce(q, 10, 3)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(v for _, v in results))
    order = []
    async def tick(name, n):
        for i in range(n):
            order.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(tick("a", 3), tick("b", 2))
    print(order)
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    lock = asyncio.Lock()
    shared = []
    async def critical(i):
        async with lock:
            shared.append(i)
            await asyncio.sleep(0)
            shared.append(-i)
    await asyncio.gather(*(critical(i) for i in range(1, 4)))
    print(shared)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    print(await asyncio.to_thread(blocking, 100))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 10))
    done, pending = await asyncio.wait([asyncio.create_task(compute(7)), asyncio.create_task(slow())], timeout=0.01)
    print(len(done), len(pending))
    for p in pending: p.cancel()
    got = []
    for coro in asyncio.as_completed([compute(3), compute(4)]):
        got.append(await coro)
    print("as_completed", sorted(got))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout ctx")
    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print("max concurrent", active[1])
    return "done"

print(asyncio.run(main()))
print(asyncio.iscoroutinefunction(main), asyncio.iscoroutine(main()))
