# richards: an operating-system task scheduler simulation (idle task, worker,
# two handlers, two devices exchanging packets), written for conch in the
# style of Martin Richards' classic benchmark.  Prints the queue and hold
# counts, which the original uses as its correctness check.

I_IDLE = 0
I_WORK = 1
I_HANDLER_A = 2
I_HANDLER_B = 3
I_DEV_A = 4
I_DEV_B = 5
TASK_COUNT = 6

K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.task_list = None
        self.current = None
        self.current_id = 0
        self.hold_count = 0
        self.queue_count = 0
        self.trace = []

    def add(self, task):
        self.tasks[task.ident] = task
        task.next_task = self.task_list
        self.task_list = task

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise KeyError("bad task id %d" % ident)
        return t

    def hold_self(self):
        self.hold_count += 1
        self.current.task_holding = True
        return self.current.next_task

    def release(self, ident):
        t = self.find(ident)
        t.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.task_waiting = True
        return self.current

    def queue_packet(self, packet):
        t = self.find(packet.ident)
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current_id
        return t.add_packet(packet, self.current)

    def schedule(self):
        t = self.task_list
        while t is not None:
            if t.is_held_or_suspended():
                t = t.next_task
            else:
                self.current = t
                self.current_id = t.ident
                if len(self.trace) < 40:
                    self.trace.append(t.ident)
                t = t.run_task()


class Task(TaskState):
    def __init__(self, sched, ident, priority, queue, state_setter):
        TaskState.__init__(self)
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.next_task = None
        state_setter(self)
        sched.add(self)

    def add_packet(self, packet, old_task):
        if self.input is None:
            self.input = packet
            self.packet_pending = True
            if self.priority > old_task.priority:
                return self
        else:
            self.input = packet.append_to(self.input)
        return old_task

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(msg)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        self.control = 1
        self.count = count
        Task.__init__(self, sched, ident, priority, None, TaskState.running)

    def fn(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(I_DEV_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(I_DEV_B)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        self.pending = None
        Task.__init__(self, sched, ident, priority, queue, TaskState.waiting)

    def fn(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = packet
        return self.sched.hold_self()


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        self.work_in = None
        self.device_in = None
        Task.__init__(self, sched, ident, priority, queue, TaskState.waiting_with_packet)

    def fn(self, packet):
        if packet is not None:
            if packet.kind == K_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < BUFSIZE:
                if self.device_in is not None:
                    dev = self.device_in
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        self.destination = I_HANDLER_A
        self.count = 0
        Task.__init__(self, sched, ident, priority, queue, TaskState.waiting_with_packet)

    def fn(self, packet):
        if packet is None:
            return self.sched.wait()
        if self.destination == I_HANDLER_A:
            self.destination = I_HANDLER_B
        else:
            self.destination = I_HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.sched.queue_packet(packet)


def run(count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 1, count)
    wq = Packet(None, 0, K_WORK)
    wq = Packet(wq, 0, K_WORK)
    WorkTask(s, I_WORK, 1000, wq)
    for handler, dev in ((I_HANDLER_A, I_DEV_A), (I_HANDLER_B, I_DEV_B)):
        q = Packet(None, dev, K_DEV)
        q = Packet(q, dev, K_DEV)
        q = Packet(q, dev, K_DEV)
        HandlerTask(s, handler, 2000 + handler, q)
    DeviceTask(s, I_DEV_A, 4000, None)
    DeviceTask(s, I_DEV_B, 5000, None)
    s.schedule()
    return s


def main():
    for count in (1000, 10000):
        s = run(count)
        print("count=%d queue_count=%d hold_count=%d" % (count, s.queue_count, s.hold_count))
    print(run(100).trace)
    s = run(10000)
    ok = s.queue_count == 23246 and s.hold_count == 9297
    print("matches the reference counts:", ok)


if __name__ == "__main__":
    main()
