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

MAX_COMMITMENT_TEXT = 600  # zh or en text of a notificationCommitment (shown on one screen, printed on one page)
LOC = "loc"          # {"zh": non-empty, "en": non-empty}
ITEM_KEYS = {
    "code": str, "name": LOC, "type": LOC, "audience": str, "audienceText": LOC, "group": str,
    "highFrequency": bool, "rank": int, "handling": list, "legalBasis": LOC, "implementingBody": LOC,
    "acceptanceConditions": LOC, "statutoryTimeLimit": dict, "promisedTimeLimit": dict, "resultName": LOC,
    "resultSample": LOC, "fee": dict, "materials": list, "missingMaterialAcceptance": dict, "process": list,
    "channels": LOC, "reviewCriteria": LOC, "scope": str, "scopeText": LOC, "appointment": dict,
    "onlinePayment": dict, "delivery": dict, "place": LOC, "hours": LOC, "enquiries": LOC, "complaints": LOC,
    "keywords": list, "form": (dict, type(None)),
}
MATERIAL_KEYS = {
    "name": LOC, "kind": str, "sample": LOC, "electronicForm": LOC, "source": LOC, "copies": int, "format": LOC,
    "electronicRequired": bool, "eLicenseType": (str, type(None)), "exemptBySharing": bool, "missingAllowed": bool,
    "missingDueDays": (int, type(None)),
}
STEP_KEYS = {"id": str, "name": LOC, "actor": LOC, "description": LOC, "next": list}
EMPTY_OK = {"next"}  # final steps have next = []
MIN_PERSON, MIN_ENTERPRISE = 22, 10
MIN_BRANCHING, MIN_IMMEDIATE, MIN_MISSING_ALLOWED = 3, 5, 3
# Electronic forms (电子表单): every item that takes an application (SUBMISSION) carries one.
FIELD_TYPES = {"TEXT", "CHINESE_TEXT", "ID_NUMBER", "PHONE", "USCC", "DATE", "DATE_RANGE", "NUMBER", "CHOICE", "ADDRESS"}
FIELD_KEYS = {"id": str, "type": str, "label": LOC, "maxLength": int, "required": bool, "rule": dict,
              "choices": (list, type(None)), "prefill": dict}
# The validation rule's optional keys and the field types each applies to.
RULE_KEYS = {"minLength": ({"TEXT", "CHINESE_TEXT", "ADDRESS"}, int), "pattern": ({"TEXT"}, str),
             "min": ({"NUMBER"}, (int, float)), "max": ({"NUMBER"}, (int, float)), "decimals": ({"NUMBER"}, int),
             "when": ({"DATE", "DATE_RANGE"}, str), "maxSpanDays": ({"DATE_RANGE"}, int)}
WHEN = {"PAST_OR_TODAY", "TODAY_OR_FUTURE"}
# Fixed lengths of the typed identifiers and dates (value formats: yyyy-MM-dd, yyyy-MM-dd/yyyy-MM-dd).
FIXED_LENGTH = {"ID_NUMBER": 18, "USCC": 18, "PHONE": 11, "DATE": 10, "DATE_RANGE": 21}
PREFILL_SOURCES = {"NONE", "ID_CARD", "E_LICENSE", "SHARED_DATA"}
ID_CARD_FIELDS = {"NAME", "ID_NUMBER", "ADDRESS", "GENDER", "BIRTH_DATE"}
# The field type a value read from the ID card fits.
ID_CARD_TYPES = {"NAME": "CHINESE_TEXT", "ID_NUMBER": "ID_NUMBER", "ADDRESS": "ADDRESS", "GENDER": "CHOICE", "BIRTH_DATE": "DATE"}
# Paths into a sealed e-license document's content (central-sim's licenseDocument).
E_LICENSE_FIELDS = {"holder.name", "holder.idNumber", "holder.address", "holder.gender", "licenseId", "issuedOn"}
SHARED_DATA_FIELD = re.compile(r"^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$")
FIELD_ID = re.compile(r"^[a-z][A-Za-z0-9]{0,39}$")
CHOICE_VALUE = re.compile(r"^[A-Z0-9][A-Z0-9_]{0,29}$")
MAX_DUE_DAYS = 90
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
        # 告知承诺制 is optional: only items the office decides on the applicant's written commitment carry it.
        nc = it.get("notificationCommitment")
        if not self.keys(w, {k: v for k, v in it.items() if k != "notificationCommitment"}, ITEM_KEYS):
            return None
        if "notificationCommitment" in it:
            self.check_notification_commitment(w, it, nc)
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
        for i, m in enumerate(mats):
            if not isinstance(m, dict):
                continue
            due = m.get("missingDueDays")
            if m.get("missingAllowed") is True:
                if not isinstance(due, int) or isinstance(due, bool) or not 1 <= due <= MAX_DUE_DAYS:
                    self.err(f"{w}.materials[{i}]", f"a missing-allowed material needs missingDueDays 1..{MAX_DUE_DAYS}")
            elif due is not None:
                self.err(f"{w}.materials[{i}]", "missingDueDays on a material that cannot be missing")
        form = it.get("form")
        if "SUBMISSION" in handling:
            if form is None:
                self.err(w, "an item that takes an application (SUBMISSION) needs a form")
            else:
                self.check_form(f"{w}.form", form)
        elif form is not None:
            self.err(w, "form on an item that takes no application (no SUBMISSION)")

        kws = it.get("keywords") if isinstance(it.get("keywords"), list) else []
        if any(not isinstance(k, str) or not k.strip() for k in kws):
            self.err(w, "keywords must be non-empty strings")
        strs = [k for k in kws if isinstance(k, str)]
        if not any(CJK.search(k) for k in strs) or not any(k.isascii() for k in strs):
            self.err(w, "keywords need at least one Chinese and one Latin search term")
        return it

    def check_notification_commitment(self, w, it, nc):
        self.loc(f"{w}.notificationCommitment", nc)
        if "SUBMISSION" not in (it.get("handling") or []):
            self.err(w, "notificationCommitment on an item that takes no application (no SUBMISSION)")
        if isinstance(nc, dict):
            if any(isinstance(v, str) and len(v) > MAX_COMMITMENT_TEXT for v in nc.values()):
                self.err(f"{w}.notificationCommitment", f"longer than {MAX_COMMITMENT_TEXT} characters")
            if "承诺" not in str(nc.get("zh", "")):
                self.err(f"{w}.notificationCommitment", "the text must say what the applicant commits to (承诺)")
        # The guide must not hide it: the applicant reads that 告知承诺 applies before starting.
        guide = " ".join(str((it.get(k) or {}).get("zh", "")) for k in ("reviewCriteria", "promisedTimeLimit", "acceptanceConditions")) \
            + str(((it.get("promisedTimeLimit") or {}).get("text") or {}).get("zh", ""))
        if "告知承诺" not in guide:
            self.err(w, "notificationCommitment but the guide text never says 告知承诺 applies")

    def check_form(self, w, form):
        if not self.keys(w, form, {"title": LOC, "fields": list}):
            return
        fields = form.get("fields") if isinstance(form.get("fields"), list) else []
        if not 1 <= len(fields) <= 30:
            self.err(w, f"a form has 1..30 fields, has {len(fields)}")
        ids = Counter(f.get("id") for f in fields if isinstance(f, dict))
        for fid, n in ids.items():
            if n > 1:
                self.err(w, f"field id '{fid}' used {n} times")
        if not any(isinstance(f, dict) and f.get("required") is True for f in fields):
            self.err(w, "a form needs at least one required field")
        for i, f in enumerate(fields):
            self.check_field(f"{w}.fields[{i}]", f)

    def check_field(self, w, f):
        if not self.keys(w, f, FIELD_KEYS):
            return
        fid, typ = f.get("id"), f.get("type")
        if not isinstance(fid, str) or not FIELD_ID.match(fid):
            self.err(w, f"field id '{fid}' must be lowerCamelCase letters and digits, at most 40")
        if typ not in FIELD_TYPES:
            self.err(w, f"bad field type '{typ}'")
            return
        w = f"{w}({fid})"
        ml = f.get("maxLength")
        if isinstance(ml, int) and not isinstance(ml, bool):
            if typ in FIXED_LENGTH and ml != FIXED_LENGTH[typ]:
                self.err(w, f"maxLength of a {typ} field must be {FIXED_LENGTH[typ]}")
            if not 1 <= ml <= 500:
                self.err(w, "maxLength must be 1..500")
        rule = f.get("rule") if isinstance(f.get("rule"), dict) else {}
        for k, v in rule.items():
            if k not in RULE_KEYS:
                self.err(w, f"unknown rule '{k}'")
                continue
            types, kind = RULE_KEYS[k]
            if typ not in types:
                self.err(w, f"rule '{k}' does not apply to a {typ} field")
            if isinstance(v, bool) or not isinstance(v, kind):
                self.err(w, f"rule '{k}' has the wrong type")
        if isinstance(rule.get("minLength"), int) and isinstance(ml, int) and not 1 <= rule["minLength"] <= ml:
            self.err(w, "minLength must be 1..maxLength")
        if isinstance(rule.get("pattern"), str):
            try:
                re.compile(rule["pattern"])
            except re.error as e:
                self.err(w, f"pattern does not compile: {e}")
            if not (rule["pattern"].startswith("^") and rule["pattern"].endswith("$")):
                self.err(w, "pattern must be anchored ^...$")
        lo, hi = rule.get("min"), rule.get("max")
        if typ == "NUMBER" and (lo is None or hi is None or "decimals" not in rule):
            self.err(w, "a NUMBER field needs min, max and decimals")
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi:
            self.err(w, "min exceeds max")
        if isinstance(rule.get("decimals"), int) and not 0 <= rule["decimals"] <= 4:
            self.err(w, "decimals must be 0..4")
        if "when" in rule and rule["when"] not in WHEN:
            self.err(w, f"when must be one of {sorted(WHEN)}")
        if typ == "DATE_RANGE" and not (isinstance(rule.get("maxSpanDays"), int) and rule["maxSpanDays"] >= 1):
            self.err(w, "a DATE_RANGE field needs maxSpanDays >= 1")
        choices = f.get("choices")
        if typ == "CHOICE":
            if not isinstance(choices, list) or not 2 <= len(choices) <= 20:
                self.err(w, "a CHOICE field needs 2..20 choices")
            else:
                values = []
                for j, c in enumerate(choices):
                    if self.keys(f"{w}.choices[{j}]", c, {"value": str, "label": LOC}):
                        v = c.get("value")
                        values.append(v)
                        if not isinstance(v, str) or not CHOICE_VALUE.match(v):
                            self.err(f"{w}.choices[{j}]", f"choice value '{v}' must be A-Z0-9_ (at most 30)")
                        elif isinstance(ml, int) and len(v) > ml:
                            self.err(f"{w}.choices[{j}]", "choice value longer than maxLength")
                if len(set(values)) != len(values):
                    self.err(w, "duplicate choice values")
        elif choices is not None:
            self.err(w, "choices on a field that is not a CHOICE")
        p = f.get("prefill")
        if isinstance(p, dict) and self.keys(f"{w}.prefill", {k: v for k, v in p.items() if v is not None},
                                             {k: str for k in p if p[k] is not None}):
            if set(p) != {"source", "licenseType", "field"}:
                self.err(f"{w}.prefill", "needs exactly source, licenseType and field")
            src, lic, fld = p.get("source"), p.get("licenseType"), p.get("field")
            if src not in PREFILL_SOURCES:
                self.err(f"{w}.prefill", f"bad source '{src}'")
            elif src == "NONE" and (lic is not None or fld is not None):
                self.err(f"{w}.prefill", "source NONE takes no licenseType or field")
            elif src == "ID_CARD" and (lic is not None or fld not in ID_CARD_FIELDS):
                self.err(f"{w}.prefill", f"an ID_CARD prefill needs field one of {sorted(ID_CARD_FIELDS)}")
            elif src == "ID_CARD" and ID_CARD_TYPES[fld] != typ:
                self.err(f"{w}.prefill", f"the card's {fld} fits a {ID_CARD_TYPES[fld]} field, not {typ}")
            elif src == "E_LICENSE" and (lic not in E_LICENSES or fld not in E_LICENSE_FIELDS):
                self.err(f"{w}.prefill", f"an E_LICENSE prefill needs a known licenseType and field one of {sorted(E_LICENSE_FIELDS)}")
            elif src == "SHARED_DATA" and (lic is not None or not isinstance(fld, str) or not SHARED_DATA_FIELD.match(fld)):
                self.err(f"{w}.prefill", "a SHARED_DATA prefill needs a dotted field key and no licenseType")

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
        forms = sum(1 for it in items if isinstance(it.get("form"), dict))
        applications = sum(1 for it in items if "SUBMISSION" in it.get("handling", []))
        print(f"application items (SUBMISSION): {applications}  with a form: {forms}  "
              f"postal delivery offered: {sum(1 for it in items if it.get('delivery', {}).get('supported'))}")
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
