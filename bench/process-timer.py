#!/usr/bin/python3
# process-timer.py: times whole processes for bench/run, from outside.
#
# Copyright 2026 The Raming developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   process-timer.py run RUNS -- COMMAND...
#       Runs COMMAND RUNS times (output discarded); prints the median wall
#       time in ms. Exit status: that of a failing run.
#
#   process-timer.py first-frame RUNS SETTLE -- COMMAND... [-- COMMAND...]
#       Starts COMMAND RUNS times, each time waiting for a line on its
#       standard output that begins with "first-frame" (see
#       bench/bare-window.c). Prints the median time in ms from just before
#       the process was started until that line arrived, then, after
#       SETTLE more seconds, the median peak RSS in MB (VmHWM in
#       /proc/PID/status), third the median CPU time in ms (user +
#       system, all threads) the process had used when the line arrived,
#       and fourth the median of the line's second number, the CPU time
#       of the main thread alone (nan when the line has none): both less
#       at the mercy of other work on the machine than the wall time. Each process is then stopped by its id. With several
#       commands (each after its own "--") they are started in turn, one
#       run of each per round, each round beginning with the next command,
#       and one line is printed per command, in the order given: the
#       speed of a virtual machine drifts within minutes, and runs taken
#       in turn see the same drift (docs/performance.md).
#
# Both modes time from just before fork/exec: a process started the same
# way is the baseline, so that what the system adds counts for both.

import os
import signal
import statistics
import subprocess
import sys
import time


def run(runs, command):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.monotonic() - start
        if result.returncode != 0:
            sys.stderr.write(result.stderr.decode(errors="replace"))
            sys.exit(result.returncode)
        times.append(elapsed * 1000)
    print("%.1f" % statistics.median(times))


def peak_rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_ms(pid):
    with open("/proc/%d/stat" % pid) as stat:
        # The command name (field 2) may hold spaces: count from its end.
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def first_frame(runs, settle, commands):
    results = [([], [], [], []) for _ in commands]
    for round_ in range(runs):
        # Each round begins with the next command, so that none always
        # follows the same one; and each run begins after a pause, once
        # the display server and the system are done with the one before.
        for i in range(len(commands)):
            k = (round_ + i) % len(commands)
            time.sleep(0.3)
            first_frame_once(settle, commands[k], *results[k])
    for times, rss, cpu, main_cpu in results:
        print("%.1f %.1f %.0f %.1f" % (statistics.median(times), statistics.median(rss),
                                       statistics.median(cpu), statistics.median(main_cpu)))


def first_frame_once(settle, command, times, rss, cpu, main_cpu, timeout=60):
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, RAMING_BENCH_FIRST_FRAME="1"))
    try:
        elapsed = None
        while time.monotonic() - start < timeout:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith(b"first-frame"):
                elapsed = time.monotonic() - start
                words = line.split()
                try:
                    main_cpu.append(float(words[2]))
                except (IndexError, ValueError):
                    main_cpu.append(float("nan"))
                break
        if elapsed is None:
            sys.stderr.write("no first-frame line from %s\n" % command[0])
            sys.exit(1)
        times.append(elapsed * 1000)
        cpu.append(cpu_ms(process.pid))
        time.sleep(settle)
        rss.append(peak_rss_mb(process.pid))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv):
    if "--" not in argv:
        sys.exit("usage: process-timer.py run RUNS -- COMMAND... | first-frame RUNS SETTLE -- COMMAND...")
    split = argv.index("--")
    head, command = argv[1:split], argv[split + 1:]
    if head[0] == "run":
        run(int(head[1]), command)
    elif head[0] == "first-frame":
        commands = [[]]
        for word in command:
            if word == "--":
                commands.append([])
            else:
                commands[-1].append(word)
        first_frame(int(head[1]), float(head[2]), commands)
    else:
        sys.exit("unknown mode %s" % head[0])


if __name__ == "__main__":
    main(sys.argv)
