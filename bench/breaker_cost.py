#!/usr/bin/env python3
"""The eval breaker's single-thread cost as an instruction count (load-proof).

    valgrind --tool=callgrind --dump-instr=yes --compress-pos=no \\
        --compress-strings=no --callgrind-out-file=cg.out build/gil/conch prog.py
    bench/breaker_cost.py cg.out 0x6ee48,0x6ee59,0x6ee60,0x6ee62 0x705d0,0x705d5,0x705d8,0x705da

Each address group is one breaker check in conch::vm::eval_frame (find them
with `gdb -batch -ex 'disassemble /s ADDR,+64' conch` at JUMP_BACKWARD and
RESUME: the thread-state reload, the relaxed load of ts->eval_breaker, the
test and the never-taken branch).  Prints how many times each check ran and
the share of all instructions the checks account for.
"""
import sys


def main():
    path, groups = sys.argv[1], [[int(a, 16) for a in g.split(",")] for g in sys.argv[2:]]
    wanted = {a for g in groups for a in g}
    per_addr = dict.fromkeys(wanted, 0)
    total = 0
    in_eval = skip = False
    for line in open(path):
        if line.startswith("summary:"):
            total = int(line.split()[1])
        elif line.startswith("fn="):
            in_eval = "conch::vm::eval_frame(" in line
        elif line.startswith("calls="):
            skip = True  # the next cost line is the call's inclusive cost
        elif line.startswith("0x"):
            if skip:
                skip = False
                continue
            addr, _, ir = line.split()[:3]
            addr = int(addr, 16)
            if in_eval and addr in per_addr:
                per_addr[addr] += int(ir)
    check = sum(per_addr.values())
    for g in groups:
        print("check at %s: ran %d times" % (hex(g[0]), max(per_addr[a] for a in g)))
    print("total %d instructions, breaker checks %d = %.2f%%" % (total, check,
                                                                 100.0 * check / total))


if __name__ == "__main__":
    main()
