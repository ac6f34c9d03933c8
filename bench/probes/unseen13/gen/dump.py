import json,sys
for f in sys.argv[1:]:
    d=json.load(open(f'out_{f}.json'))
    print('=====',f, len(d['files'][0]['findings']))
    for x in d['files'][0]['findings']:
        print(f"{x['line']}:{x['column']}:{x['step']} {x['verdict']}/{x['code']} | {x['latex'][:110]} | {x['message'][:150]}")
