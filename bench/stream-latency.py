#!/usr/bin/env python3
"""Round-trip time of `score --stream`: writes the held-out comments one at a time to the command given
as arguments and waits for each verdict before sending the next. Prints the first answer (start-up
included) and the median, 90th and 99th percentile after 200 comments of warm-up.

    python3 bench/stream-latency.py bin/commentguard score --stream --format jsonl
"""
import subprocess, time, csv, statistics, sys
texts=[r['text'].replace('\n',' ') for r in csv.DictReader(open('training-data/heldout.csv', encoding='utf-8'))]
p=subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
lat=[]
for i,t in enumerate(texts):
    t0=time.perf_counter(); p.stdin.write(t+'\n'); p.stdin.flush(); p.stdout.readline(); lat.append(time.perf_counter()-t0)
p.stdin.close(); p.wait()
first=lat[0]; warm=sorted(lat[200:])
print(f"first {first*1000:.0f} ms (start-up included); after 200: median {statistics.median(warm)*1000:.2f} ms, 90th {warm[int(len(warm)*0.9)]*1000:.2f} ms, 99th {warm[int(len(warm)*0.99)]*1000:.2f} ms, n={len(warm)}")
