#!/usr/bin/env python3
"""Top frames of a JFR CPU profile, self and inclusive, optionally only of samples through one frame.

  jfr print --stack-depth 256 --events jdk.ExecutionSample run.jfr > run.txt
  python3 src/bench/jfr-top.py run.txt [--through com.clientvalue.decision.DecisionController.decide] [--top 40]
"""
import argparse
import collections
import re

parser = argparse.ArgumentParser()
parser.add_argument("samples")
parser.add_argument("--through", help="only samples whose stack contains this frame (class.method)")
parser.add_argument("--top", type=int, default=40)
args = parser.parse_args()

self_counts, inclusive = collections.Counter(), collections.Counter()
total = 0


def flush(frames):
    global total
    if not frames or (args.through and args.through not in frames):
        return
    total += 1
    self_counts[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1


frames = []
with open(args.samples) as text:
    for line in text:
        if line.startswith("jdk.ExecutionSample"):
            flush(frames)
            frames = []
        match = re.match(r"\s+([\w$.<>/]+)\(.*line:", line)
        if match:
            frames.append(match.group(1))
flush(frames)
print(f"{total} samples" + (f" through {args.through}" if args.through else ""))
for title, counts in (("self", self_counts), ("inclusive", inclusive)):
    print(f"== {title}")
    for frame, count in counts.most_common(args.top):
        print(f"{100 * count / total:5.1f}% {frame}")
