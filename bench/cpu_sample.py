#!/usr/bin/env python3
"""CPU seconds by kind of process over a span, sampled from /proc every half second: PostgreSQL backends and
autovacuum, and each of the service's threads by name (the import's, the JIT compilers, the collector).

  bench/cpu_sample.py SECONDS     e.g. beside bench/import.sh: (python3 bench/cpu_sample.py 85 > cpu.txt &)

A process that ends between two samples loses its last half second.
"""
import collections
import os
import sys
import time
dur=float(sys.argv[1]); tick=os.sysconf('SC_CLK_TCK')
prev={}; acc=collections.Counter()
def cat(pid):
    try:
        cmd=open(f'/proc/{pid}/cmdline','rb').read().replace(b'\0',b' ').decode(errors='ignore')
    except: return None
    if cmd.startswith('postgres:'):
        parts=cmd.split()
        if 'autovacuum' in cmd: return 'pg autovacuum'
        if len(parts)>3 and parts[1] in ('postgres',) : return 'pg backend'
        return 'pg '+' '.join(parts[1:3])
    if 'quarkus-run.jar' in cmd: return 'java'
    if cmd.strip()=='' : return None
    return cmd.split()[0].split('/')[-1][:20]
def java_threads(pid):
    out={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            st=open(f'/proc/{pid}/task/{t}/stat').read()
            name=st[st.index('(')+1:st.rindex(')')]
            f=st[st.rindex(')')+2:].split()
            out[(pid,t)]=( 'java:'+name.split('-')[0][:12].rstrip('0123456789 #'), int(f[11])+int(f[12]))
        except: pass
    return out
end=time.time()+dur
while time.time()<end:
    cur={}
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        c=cat(p)
        if c is None: continue
        if c=='java':
            cur.update(java_threads(p)); continue
        try:
            f=open(f'/proc/{p}/stat').read(); f=f[f.rindex(')')+2:].split()
            cur[(p,)]=(c,int(f[11])+int(f[12]))
        except: pass
    for k,(c,v) in cur.items():
        if k in prev: acc[c]+= v-prev[k][1]
    prev=cur
    time.sleep(0.5)
for c,v in acc.most_common(20): print(f'{v/tick:7.1f} s  {c}')
