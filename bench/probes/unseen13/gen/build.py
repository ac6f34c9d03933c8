HERE = __import__('os').path.dirname(__import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import json, sys
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), 'gen'))
import spec_taylor, spec_lagrange, spec_attention, spec_flows, spec_gp, spec_rr
from spec_common import ROWS
from sympy import latex
FILES = ['taylor_linear.md', 'lagrange.tex', 'attention_zh.md', 'flows.ipynb', 'gp_kernels.rst', 'related_rates_physics.qmd']
pre = {'taylor_linear.md': 'tl', 'lagrange.tex': 'lg', 'attention_zh.md': 'at', 'flows.ipynb': 'fl', 'gp_kernels.rst': 'gp', 'related_rates_physics.qmd': 'rr'}
out = []; problems = 0; xcount = {}
for f in FILES:
    finds = {(q['line'], q['column'], q['step']): q for q in json.load(open(f'{HERE}/out_{f}.json'))['files'][0]['findings']}
    spec = [r for r in ROWS if r['file'] == f]
    seen = set()
    for r in spec:
        if r['column'] is not None:
            key = (r['line'], r['column'], r['step'])
            if key not in finds: print('NO FINDING FOR SPEC', f, key); problems += 1; continue
            if key in seen: print('DUP', f, key); problems += 1
            seen.add(key); q = finds[key]
            rid = f"{pre[f]}-{key[0]}-{key[1]}-{key[2]}"
            out.append(dict(id=rid, file=f, line=key[0], latex=q['latex'], label=r['label'], why=r['why'],
                            finding=dict(line=q['line'], column=q['column'], step=q['step'], verdict=q['verdict'], code=q['code']), message=q['message']))
        else:
            xcount[(f, r['line'])] = xcount.get((f, r['line']), 0) + 1
            rid = f"{pre[f]}-{r['line']}-x{xcount[(f, r['line'])]}"
            out.append(dict(id=rid, file=f, line=r['line'], latex=r['latex'], label=r['label'], why=r['why'], finding=None, message=None))
        out[-1]['_check'] = (r['lhs'], r['rhs'])
    for key in finds:
        if key not in seen: print('UNLABELLED FINDING', f, key, finds[key]['latex'][:60]); problems += 1
print('rows', len(out), 'problems', problems)

if __name__ == '__main__':
    clean = [{k_: v_ for k_, v_ in r.items() if k_ != '_check'} for r in out]
    json.dump(clean, open(HERE + '/labels.json', 'w'), indent=1, ensure_ascii=False)
    with open(HERE + '/labels.md', 'w') as fh:
        fh.write('| id | file:line | latex | label | verdict/code | why |\n|---|---|---|---|---|---|\n')
        for r in clean:
            vc = f"{r['finding']['verdict']}/{r['finding']['code']}" if r['finding'] else 'no finding'
            lt = r['latex'].replace('|', '\\|').replace('\n', ' ')
            fh.write(f"| {r['id']} | {r['file']}:{r['line']} | `{lt}` | {r['label']} | {vc} | {r['why'].replace('|', '/')} |\n")
    print('wrote labels.json / labels.md')
