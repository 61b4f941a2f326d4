#!/usr/bin/env python3
"""Samples the service's heap in use (summed over its pools, from /q/metrics) every half second and keeps the
peak in a file, until killed. Usage: bench/heap_peak.py PORT FILE"""
import re
import sys
import time
import urllib.request

port, out = sys.argv[1], sys.argv[2]
peak = 0
pattern = re.compile(r'^jvm_memory_used_bytes\{area="heap"[^}]*\} (\S+)$', re.M)
while True:
    try:
        text = urllib.request.urlopen(f"http://localhost:{port}/q/metrics", timeout=5).read().decode()
        used = sum(float(m.group(1)) for m in pattern.finditer(text))
        if used > peak:
            peak = used
            with open(out, "w") as f:
                f.write(str(int(peak)))
    except OSError:
        pass
    time.sleep(0.5)
