import sys, os, glob, yaml, jsonschema, re
D = os.path.dirname(os.path.abspath(__file__))
schema = yaml.safe_load(open(os.path.join(D, 'gold.schema.yaml')))
INDS = set("""st_office_countries st_offices st_diplomats intergov_agreements partner_countries
intl_org_positions intl_org_seats intergov_org_memberships intl_org_memberships personnel_exchanges
coop_projects foreign_experts returnees students_abroad tech_export_contracts tech_import_contracts
tech_export_value tech_import_value joint_research_centers coop_bases innovation_zones tech_parks
coop_funding unclassified""".split())
def occ(text, q):
    n, i = 0, text.find(q)
    while i >= 0:
        n += 1; i = text.find(q, i + 1)
    return n
bad = 0; nf = nn = nd = 0; verbose = '-v' in sys.argv
for g in sorted(glob.glob(os.path.join(D, 'gold', '*.yaml'))):
    did = os.path.basename(g)[:-5]
    doc = os.path.join(D, 'docs', did + '.txt')
    text = open(doc, encoding='utf-8').read(); nd += 1
    words = len(text.split())
    gold = yaml.safe_load(open(g, encoding='utf-8'))
    errs = []
    try: jsonschema.validate(gold, schema)
    except jsonschema.ValidationError as e: errs.append('schema: ' + e.message)
    seen = set()
    for f in gold.get('facts', []):
        q = f['quote']; o = f.get('occurrence', 1); c = occ(text, q)
        if c < o: errs.append(f'quote {q!r} occ {o} but found {c}')
        key = (q, o)
        if key in seen: errs.append(f'duplicate fact {key}')
        seen.add(key)
        if f['indicator'] not in INDS: errs.append(f'indicator {f["indicator"]}')
        if f['scope'] != 'national' and 'actor' not in f: errs.append(f'no actor for {q!r}')
        if f['scope'] == 'national' and 'actor' in f: errs.append(f'actor on national {q!r}')
        if verbose and c > 1: print(f'  {did}: {q!r} occurs {c}x, gold uses occ {o}')
        nf += 1
    for q in gold.get('not_facts', []) or []:
        if occ(text, q) < 1: errs.append(f'not_fact {q!r} missing')
        nn += 1
    ev = gold.get('events', [])
    flat = ' '.join(text.split())
    for e in ev:
        if ' '.join(e['words'].split()) not in flat: errs.append(f'event words {e["words"]!r} not in text')
    for f in gold.get('facts', []):
        if 'low' in f and 'high' in f and f['low'] > f['high']: errs.append(f'low > high for {f["quote"]!r}')
    if not (2 <= len(ev) <= 5): errs.append(f'{len(ev)} events')
    nfa = len(gold.get('facts', []))
    if not (8 <= nfa <= 25): errs.append(f'{nfa} facts')
    if not (150 <= words <= 700): errs.append(f'{words} words')
    print(f'{did}: {words} words, {nfa} facts, {len(gold.get("not_facts") or [])} not_facts', 'OK' if not errs else 'ERRORS')
    for e in errs: print('   ', e)
    bad += len(errs)
docs_ = {os.path.basename(x)[:-4] for x in glob.glob(os.path.join(D, 'docs', '*.txt'))}
golds_ = {os.path.basename(x)[:-5] for x in glob.glob(os.path.join(D, 'gold', '*.yaml'))}
for x in sorted(docs_ ^ golds_): print('   unpaired:', x); bad += 1
print(f'{nd} docs, {nf} facts, {nn} not_facts, {bad} errors')
sys.exit(1 if bad else 0)
