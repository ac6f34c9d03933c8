import json,sys
for f in sys.argv[1:]:
    d=json.load(open(f))
    for fl in d["files"]:
        print("==",fl["path"], "layout",fl.get("layout"), "notices",fl.get("notices"))
        for x in fl["findings"]:
            print(f'{x["line"]}:{x["column"]} s{x["step"]} {x["verdict"]}/{x["code"]} | {x["latex"]} | {x["message"]}')
