"""Join labels.json with the saved mathdoc outputs out_<file>.json (the one run per file) and print
the counts table, every false alarm and verified mistake, the mistakes not caught, alarms on
unlabelled steps, and the most common unchecked reasons on correct steps.
(bench/probes/match_labels.py only takes set names under bench/probes, so this does the same join here.)"""
HERE = __import__('os').path.dirname(__import__('os').path.abspath(__file__))
import json, collections, re
FILES = ['taylor_linear.md', 'lagrange.tex', 'attention_zh.md', 'flows.ipynb', 'gp_kernels.rst', 'related_rates_physics.qmd']
labels = json.load(open(HERE + '/labels.json'))
found = {f: {(q['line'], q['column'], q['step']): q for q in json.load(open(f'{HERE}/out_{f}.json'))['files'][0]['findings']} for f in FILES}
tot = collections.Counter(); lines = []
fa, vm, missed, unch = [], [], [], collections.Counter()
used = collections.defaultdict(set)
for f in FILES:
    c = collections.Counter()
    for r in (r for r in labels if r['file'] == f):
        q = None
        if r['finding']:
            key = (r['finding']['line'], r['finding']['column'], r['finding']['step'])
            q = found[f].get(key); used[f].add(key)
        v = q['verdict'] if q else 'none'
        lab = r['label']
        c['steps'] += 1; c[lab] += 1
        if lab != 'MISTAKE' and v in ('wrong', 'layout'):
            c['fa'] += 1; fa.append((r, q))
        if lab == 'MISTAKE':
            if v in ('wrong', 'layout'): c['caught'] += 1
            elif v == 'verified': c['mver'] += 1; vm.append((r, q))
            elif v == 'unchecked': c['munch'] += 1; missed.append((r, q))
            else: c['mnone'] += 1; missed.append((r, q))
        if lab == 'correct':
            if v == 'verified': c['cver'] += 1
            elif v == 'unchecked':
                c['cunch'] += 1
                unch[(q['code'], re.sub(r'`[^`]*`', '`…`', q['message'])[:90])] += 1
            elif v == 'none': c['cnone'] += 1
    tot.update(c)
    lines.append((f, c))
lines.append(('**all**', tot))
print('| file | steps | correct | mistakes | not-a-claim | false alarms | mistakes caught | mistakes verified | mistakes unchecked / no finding | correct verified | correct unchecked / no finding |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for f, c in lines:
    print(f"| {f} | {c['steps']} | {c['correct']} | {c['MISTAKE']} | {c['not-a-claim']} | {c['fa']} | {c['caught']} | {c['mver']} | {c['munch']} / {c['mnone']} | {c['cver']} | {c['cunch']} / {c['cnone']} |")
print('\nFALSE ALARMS')
for r, q in fa: print(' ', r['id'], r['file'], r['line'], r['label'], q['verdict'], q['code'], '|', r['latex'][:90], '|', q['message'][:200])
print('\nVERIFIED MISTAKES')
for r, q in vm: print(' ', r['id'], r['file'], r['line'], '|', r['latex'][:90], '|', q['message'][:200])
print('\nMISTAKES NOT CAUGHT')
for r, q in missed: print(' ', r['id'], r['file'], r['line'], (q['verdict'] + '/' + q['code']) if q else 'no finding', '|', r['latex'][:80], '|', (q['message'][:150] if q else ''))
print('\nALARMS ON UNLABELLED STEPS')
for f in FILES:
    for key, q in found[f].items():
        if key not in used[f] and q['verdict'] in ('wrong', 'layout'): print(' ', f, key, q['latex'][:60])
print('\nUNCHECKED REASONS ON CORRECT STEPS')
for (code, msg), n in unch.most_common(): print(f'  {n} x {code}: {msg}')
