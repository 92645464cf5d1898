#!/usr/bin/env python3
"""Check the Zizhu seed service catalogue (groups.json, index.txt, items/*.json).

Usage: python3 check_catalog.py [CATALOG_DIR]   (default: the directory of this script)
Exit status 0 when the catalogue is consistent, 1 otherwise. Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

AUDIENCES = {"PERSON", "ENTERPRISE"}
HANDLING = {"GUIDE", "ONE_CERTIFICATE", "IMMEDIATE", "SUBMISSION", "APPOINTMENT", "QUEUE", "PAYMENT"}
KINDS = {"ORIGINAL", "COPY", "E_LICENSE", "FORM"}
E_LICENSES = {"ID_CARD", "HOUSEHOLD_REGISTER", "MARRIAGE_CERT", "BUSINESS_LICENSE", "REAL_ESTATE_CERT",
              "SOCIAL_SECURITY_CARD", "DEGREE_CERT", "BIRTH_CERT"}
SCOPES = {"CITY_WIDE", "CROSS_PROVINCE", "REGION_WIDE", "LOCAL"}
TYPES_ZH = {"行政许可", "行政确认", "公共服务", "行政给付", "其他行政权力"}
# Identity documents read by the kiosk itself: allowed in one-certificate items without data sharing.
IDENTITY_LICENSES = {"ID_CARD", "SOCIAL_SECURITY_CARD"}

LOC = "loc"          # {"zh": non-empty, "en": non-empty}
ITEM_KEYS = {
    "code": str, "name": LOC, "type": LOC, "audience": str, "audienceText": LOC, "group": str,
    "highFrequency": bool, "rank": int, "handling": list, "legalBasis": LOC, "implementingBody": LOC,
    "acceptanceConditions": LOC, "statutoryTimeLimit": dict, "promisedTimeLimit": dict, "resultName": LOC,
    "resultSample": LOC, "fee": dict, "materials": list, "missingMaterialAcceptance": dict, "process": list,
    "channels": LOC, "reviewCriteria": LOC, "scope": str, "scopeText": LOC, "appointment": dict,
    "onlinePayment": dict, "delivery": dict, "place": LOC, "hours": LOC, "enquiries": LOC, "complaints": LOC,
    "keywords": list,
}
MATERIAL_KEYS = {
    "name": LOC, "kind": str, "sample": LOC, "electronicForm": LOC, "source": LOC, "copies": int, "format": LOC,
    "electronicRequired": bool, "eLicenseType": (str, type(None)), "exemptBySharing": bool, "missingAllowed": bool,
}
STEP_KEYS = {"id": str, "name": LOC, "actor": LOC, "description": LOC, "next": list}
EMPTY_OK = {"next"}  # final steps have next = []
MIN_PERSON, MIN_ENTERPRISE = 22, 10
MIN_BRANCHING, MIN_IMMEDIATE, MIN_MISSING_ALLOWED = 3, 5, 3
CJK = re.compile(r"[\u4e00-\u9fff]")
CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$")


class Checker:
    def __init__(self, root):
        self.root = root
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    # ---- generic helpers ---------------------------------------------------------
    def loc(self, where, v):
        if not isinstance(v, dict) or set(v) != {"zh", "en"}:
            self.err(where, "must be an object with exactly the keys zh and en")
            return
        for lang in ("zh", "en"):
            if not isinstance(v[lang], str) or not v[lang].strip():
                self.err(where, f"{lang} text is empty")
        if isinstance(v.get("zh"), str) and v["zh"].strip() and not CJK.search(v["zh"]):
            self.err(where, "zh text contains no Chinese characters")

    def keys(self, where, obj, spec):
        if not isinstance(obj, dict):
            self.err(where, "must be an object")
            return False
        for k in sorted(set(spec) - set(obj)):
            self.err(where, f"missing key '{k}'")
        for k in sorted(set(obj) - set(spec)):
            self.err(where, f"unknown key '{k}'")
        for k, t in spec.items():
            if k not in obj:
                continue
            v = obj[k]
            if t == LOC:
                self.loc(f"{where}.{k}", v)
            elif t is int:
                if not isinstance(v, int) or isinstance(v, bool):
                    self.err(f"{where}.{k}", "must be an integer")
            elif not isinstance(v, t):
                self.err(f"{where}.{k}", f"wrong type {type(v).__name__}")
            elif isinstance(v, str) and not v.strip():
                self.err(f"{where}.{k}", "is empty")
            elif isinstance(v, list) and not v and k not in EMPTY_OK:
                self.err(f"{where}.{k}", "is empty")
        return True

    def flag(self, where, v):
        if self.keys(where, v, {"supported": bool, "text": LOC}):
            pass

    def duration(self, where, v):
        if self.keys(where, v, {"days": int, "text": LOC}):
            d = v.get("days")
            if isinstance(d, int) and not isinstance(d, bool) and d < 0:
                self.err(where, "days must be >= 0")

    def load_json(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            self.err(os.path.relpath(path, self.root), f"cannot read JSON: {e}")
            return None

    # ---- groups ------------------------------------------------------------------
    def check_groups(self):
        groups = self.load_json(os.path.join(self.root, "groups.json"))
        if not isinstance(groups, list) or not groups:
            self.err("groups.json", "must be a non-empty array")
            return {}
        out = {}
        orders = defaultdict(list)
        for i, g in enumerate(groups):
            w = f"groups.json[{i}]"
            if not self.keys(w, g, {"id": str, "audience": str, "order": int, "name": LOC}):
                continue
            gid = g.get("id")
            if gid in out:
                self.err(w, f"duplicate group id '{gid}'")
            if g.get("audience") not in AUDIENCES:
                self.err(w, f"bad audience '{g.get('audience')}'")
            out[gid] = g
            orders[g.get("audience")].append(g.get("order"))
        for aud, lst in orders.items():
            if len(set(lst)) != len(lst):
                self.err("groups.json", f"duplicate order values for {aud}")
        return out

    # ---- index -------------------------------------------------------------------
    def check_index(self):
        path = os.path.join(self.root, "index.txt")
        try:
            with open(path, encoding="utf-8") as f:
                lines = [ln.strip() for ln in f if ln.strip()]
        except OSError as e:
            self.err("index.txt", f"cannot read: {e}")
            return []
        for name, n in Counter(lines).items():
            if n > 1:
                self.err("index.txt", f"'{name}' listed {n} times")
        item_dir = os.path.join(self.root, "items")
        on_disk = set(os.listdir(item_dir)) if os.path.isdir(item_dir) else set()
        for name in lines:
            if "/" in name or "\\" in name or not name.endswith(".json"):
                self.err("index.txt", f"bad entry '{name}' (plain file name ending .json expected)")
            elif name not in on_disk:
                self.err("index.txt", f"'{name}' listed but items/{name} does not exist")
        for name in sorted(on_disk - set(lines)):
            self.err("items/", f"'{name}' exists but is not listed in index.txt")
        return list(dict.fromkeys(lines))

    # ---- one item ----------------------------------------------------------------
    def check_process(self, w, steps):
        if not isinstance(steps, list):
            return
        if not 3 <= len(steps) <= 7:
            self.err(w, f"process must have 3..7 steps, has {len(steps)}")
        ids = []
        for i, s in enumerate(steps):
            self.keys(f"{w}[{i}]", s, STEP_KEYS)
            if isinstance(s, dict):
                ids.append(s.get("id"))
        if len(set(ids)) != len(ids):
            self.err(w, "duplicate step ids")
        idset = set(ids)
        graph = {}
        for i, s in enumerate(steps):
            if not isinstance(s, dict) or not isinstance(s.get("next"), list):
                continue
            nxt = s["next"]
            if len(set(nxt)) != len(nxt):
                self.err(f"{w}[{i}].next", "duplicate targets")
            for t in nxt:
                if t not in idset:
                    self.err(f"{w}[{i}].next", f"unknown step '{t}'")
                if t == s.get("id"):
                    self.err(f"{w}[{i}].next", "step points to itself")
            graph[s.get("id")] = [t for t in nxt if t in idset]
        if not ids:
            return
        seen, stack = set(), [ids[0]]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            stack.extend(graph.get(n, []))
        for sid in ids:
            if sid not in seen:
                self.err(w, f"step '{sid}' is not reachable from the first step '{ids[0]}'")
        if not any(isinstance(s, dict) and s.get("next") == [] for s in steps):
            self.err(w, "no final step (a step with next = [])")
        # cycles would make the flow chart endless
        state = {}

        def visit(n):
            state[n] = 1
            for t in graph.get(n, []):
                if state.get(t) == 1:
                    return True
                if state.get(t) is None and visit(t):
                    return True
            state[n] = 2
            return False

        if any(state.get(n) is None and visit(n) for n in ids):
            self.err(w, "process contains a cycle")

    def check_item(self, fname, it, groups):
        w = f"items/{fname}"
        if not self.keys(w, it, ITEM_KEYS):
            return None
        code = it.get("code")
        if isinstance(code, str):
            if len(code) > 50:
                self.err(w, f"code longer than 50 characters ({len(code)})")
            if not CODE_RE.match(code):
                self.err(w, f"code '{code}' has characters unsafe for a file name")
            if fname != code + ".json":
                self.err(w, f"file name does not equal code '{code}' + .json")
        aud = it.get("audience")
        if aud not in AUDIENCES:
            self.err(w, f"bad audience '{aud}'")
        g = groups.get(it.get("group"))
        if g is None:
            self.err(w, f"unknown group '{it.get('group')}'")
        elif g.get("audience") != aud:
            self.err(w, f"group '{it.get('group')}' is for {g.get('audience')}, item is for {aud}")
        if isinstance(it.get("type"), dict) and it["type"].get("zh") not in TYPES_ZH:
            self.err(w, f"type.zh '{it['type'].get('zh')}' is not one of {sorted(TYPES_ZH)}")
        rank = it.get("rank")
        if isinstance(rank, int) and rank < 1:
            self.err(w, "rank must be >= 1")

        handling = it.get("handling") if isinstance(it.get("handling"), list) else []
        for h in handling:
            if h not in HANDLING:
                self.err(w, f"bad handling value '{h}'")
        if len(set(handling)) != len(handling):
            self.err(w, "duplicate handling values")
        if "GUIDE" not in handling:
            self.err(w, "handling must include GUIDE")

        for k in ("statutoryTimeLimit", "promisedTimeLimit"):
            if k in it:
                self.duration(f"{w}.{k}", it[k])
        try:
            if it["promisedTimeLimit"]["days"] > it["statutoryTimeLimit"]["days"]:
                self.err(w, "promised time limit exceeds statutory time limit")
        except (KeyError, TypeError):
            pass

        fee = it.get("fee")
        if isinstance(fee, dict):
            optional = {k: fee[k] for k in ("amountFen",) if k in fee}
            self.keys(f"{w}.fee", {k: v for k, v in fee.items() if k not in optional},
                      {"charged": bool, "standard": LOC, "basis": LOC})
            amount = optional.get("amountFen")
            if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 1):
                self.err(f"{w}.fee", "amountFen must be a positive whole number of fen")
            if amount is not None and fee.get("charged") is not True:
                self.err(f"{w}.fee", "amountFen on an item that charges nothing")
        for k in ("appointment", "onlinePayment", "delivery"):
            if isinstance(it.get(k), dict):
                self.flag(f"{w}.{k}", it[k])
        mma = it.get("missingMaterialAcceptance")
        if isinstance(mma, dict):
            self.keys(f"{w}.missingMaterialAcceptance", mma, {"allowed": bool, "text": LOC})
        if it.get("scope") not in SCOPES:
            self.err(w, f"bad scope '{it.get('scope')}'")

        mats = it.get("materials") if isinstance(it.get("materials"), list) else []
        if not 1 <= len(mats) <= 6:
            self.err(w, f"materials must number 1..6, has {len(mats)}")
        any_missing = False
        for i, m in enumerate(mats):
            mw = f"{w}.materials[{i}]"
            if not self.keys(mw, m, MATERIAL_KEYS):
                continue
            if m.get("kind") not in KINDS:
                self.err(mw, f"bad kind '{m.get('kind')}'")
            el = m.get("eLicenseType")
            if el is not None and el not in E_LICENSES:
                self.err(mw, f"bad eLicenseType '{el}'")
            if isinstance(m.get("copies"), int) and m["copies"] < 1:
                self.err(mw, "copies must be >= 1")
            if m.get("exemptBySharing") is True:
                if m.get("kind") != "E_LICENSE" and el is None:
                    self.err(mw, "exemptBySharing needs kind E_LICENSE or an eLicenseType")
                if m.get("missingAllowed") is True:
                    self.err(mw, "a material obtained by sharing cannot also be missing-allowed")
            if m.get("kind") == "E_LICENSE" and m.get("exemptBySharing") is not True:
                self.err(mw, "an E_LICENSE material must be exemptBySharing (免证办)")
            if m.get("missingAllowed") is True:
                any_missing = True
        if any_missing and isinstance(mma, dict) and mma.get("allowed") is not True:
            self.err(w, "a material is missingAllowed but missingMaterialAcceptance.allowed is false")
        if isinstance(mma, dict) and mma.get("allowed") is True and not any_missing:
            self.err(w, "missingMaterialAcceptance.allowed is true but no material is missingAllowed")
        if "ONE_CERTIFICATE" in handling:
            for i, m in enumerate(mats):
                if isinstance(m, dict) and m.get("kind") != "FORM" and not m.get("exemptBySharing") \
                        and m.get("eLicenseType") not in IDENTITY_LICENSES:
                    self.err(f"{w}.materials[{i}]", "ONE_CERTIFICATE item asks for a paper material "
                                                  "that is neither shared, an identity card nor a form")
        if "PAYMENT" in handling and isinstance(fee, dict) and fee.get("charged") is not True:
            self.err(w, "PAYMENT handling on an item without a fee")
        if "PAYMENT" in handling and isinstance(it.get("onlinePayment"), dict) \
                and it["onlinePayment"].get("supported") is not True:
            self.err(w, "PAYMENT handling but onlinePayment.supported is false")
        if "APPOINTMENT" in handling and isinstance(it.get("appointment"), dict) \
                and it["appointment"].get("supported") is not True:
            self.err(w, "APPOINTMENT handling but appointment.supported is false")
        if "IMMEDIATE" in handling:
            try:
                if it["promisedTimeLimit"]["days"] != 0:
                    self.err(w, "IMMEDIATE item must have a promised time limit of 0 days")
            except (KeyError, TypeError):
                pass

        self.check_process(f"{w}.process", it.get("process"))

        kws = it.get("keywords") if isinstance(it.get("keywords"), list) else []
        if any(not isinstance(k, str) or not k.strip() for k in kws):
            self.err(w, "keywords must be non-empty strings")
        strs = [k for k in kws if isinstance(k, str)]
        if not any(CJK.search(k) for k in strs) or not any(k.isascii() for k in strs):
            self.err(w, "keywords need at least one Chinese and one Latin search term")
        return it

    # ---- whole catalogue -----------------------------------------------------------
    def run(self):
        groups = self.check_groups()
        names = self.check_index()
        items, codes = [], Counter()
        for fname in names:
            path = os.path.join(self.root, "items", fname)
            if not os.path.isfile(path):
                continue
            it = self.load_json(path)
            if it is None:
                continue
            if self.check_item(fname, it, groups) is not None:
                items.append(it)
                codes[it.get("code")] += 1
        for c, n in codes.items():
            if n > 1:
                self.err("catalogue", f"code '{c}' used by {n} items")

        per_aud = Counter(it.get("audience") for it in items)
        per_group = Counter(it.get("group") for it in items)
        ranks = defaultdict(list)
        for it in items:
            ranks[it.get("audience")].append(it.get("rank"))
        for aud, lst in ranks.items():
            dup = [r for r, n in Counter(lst).items() if n > 1]
            if dup:
                self.err("catalogue", f"duplicate ranks {sorted(dup)} for {aud}")
        if per_aud["PERSON"] < MIN_PERSON:
            self.err("catalogue", f"only {per_aud['PERSON']} PERSON items (need >= {MIN_PERSON})")
        if per_aud["ENTERPRISE"] < MIN_ENTERPRISE:
            self.err("catalogue", f"only {per_aud['ENTERPRISE']} ENTERPRISE items (need >= {MIN_ENTERPRISE})")
        for gid in groups:
            if per_group[gid] == 0:
                self.err("catalogue", f"group '{gid}' has no items")
        branching = sum(1 for it in items if any(len(s.get("next", [])) > 1 for s in it.get("process", [])
                                                 if isinstance(s, dict)))
        immediate = sum(1 for it in items if "IMMEDIATE" in it.get("handling", []))
        missing_ok = sum(1 for it in items for m in it.get("materials", []) if isinstance(m, dict)
                         and m.get("missingAllowed") is True)
        for label, n, need in (("branching processes", branching, MIN_BRANCHING),
                               ("IMMEDIATE items", immediate, MIN_IMMEDIATE),
                               ("missing-allowed materials", missing_ok, MIN_MISSING_ALLOWED)):
            if n < need:
                self.err("catalogue", f"only {n} {label} (need >= {need})")

        print(f"items: {len(items)}  PERSON: {per_aud['PERSON']}  ENTERPRISE: {per_aud['ENTERPRISE']}")
        for gid, g in groups.items():
            print(f"  {g.get('audience', '?'):10} {gid:18} {per_group[gid]:3}  {g.get('name', {}).get('zh', '')}")
        print(f"branching processes: {branching}  IMMEDIATE items: {immediate}  "
              f"missing-allowed materials: {missing_ok}  "
              f"charged items: {sum(1 for it in items if it.get('fee', {}).get('charged'))}")
        if self.errors:
            print(f"\n{len(self.errors)} problem(s):")
            for e in self.errors:
                print("  " + e)
            return 1
        print("OK")
        return 0


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    return Checker(root).run()


if __name__ == "__main__":
    sys.exit(main())
