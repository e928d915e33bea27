# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the ninth and last held-out set: four meetings written after every other
fix, annotated before the rules were run on them, measured once, and not used to change the rules."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "thornleigh-cabinet-2025-07-08-minutes.txt": {
  "present": ["Geraldine Poole", "Mark Sutcliffe", "Aisha Karimi", "Daniel Roe", "Helen Wardle", "Stuart Yeomans", "Trevor Nuttall"],
  "chair": ["Geraldine Poole"], "officer": ["Richard Hale", "Emma Lord", "Simon Platt"], "apologies": ["Brenda Oakes"],
  "declared": ["Daniel Roe"], "asked": ["Trevor Nuttall"], "answered": ["Geraldine Poole"]},
 "caerwen-planning-2025-07-02-minutes.txt": {
  "present": ["Rhian Williams", "Geraint Morgan", "Dewi Evans", "Angela Harris", "Kevin Lloyd", "Non Parry", "Wyn Thomas"],
  "chair": ["Rhian Williams"], "vice-chair": ["Geraint Morgan"], "officer": ["Elwyn Jones", "Catrin Vaughan", "Mari Owen"],
  "apologies": ["Bryn Pugh"], "declared": ["Kevin Lloyd"], "moved": ["Angela Harris"], "seconded": ["Dewi Evans"]},
 "glenmorris-audit-2025-06-24-minute.txt": {
  "present": ["Fraser Lindsay", "Morag Bain", "Iain Kennedy", "Shona Malcolm", "Duncan Stirling", "Robert Inglis"],
  "chair": ["Fraser Lindsay"], "vice-chair": ["Morag Bain"], "officer": ["J Hutton", "L Paterson", "G Mair"], "apologies": ["Calum Grieve"],
  "moved": ["Iain Kennedy", "Duncan Stirling"], "seconded": ["Shona Malcolm", "Robert Inglis"]},
 "moylecoast-leisure-2025-07-07-minutes.txt": {
  "present": ["J McMullan", "C McShane", "P Craig", "T Hunter", "D Bradley", "M Harkin", "S McLaughlin", "B O'Neill", "K Watt"],
  "chair": ["J McMullan"], "vice-chair": ["C McShane"], "officer": ["A McKinney", "J Devenney", "L Kane"], "apologies": ["F Moore"],
  "declared": ["M Harkin"], "moved": ["P Craig", "B O'Neill", "T Hunter"], "seconded": ["K Watt", "D Bradley", "S McLaughlin"]},
}
D = [
 ("thornleigh-cabinet-2025-07-08-report-plan.txt", "agreed", "thornleigh-cabinet-2025-07-08-minutes.txt"),
 ("thornleigh-cabinet-2025-07-08-report-solar.txt", "deferred", "thornleigh-cabinet-2025-07-08-minutes.txt"),
 ("thornleigh-cabinet-2025-07-08-report-pest.txt", "agreed-amended", "thornleigh-cabinet-2025-07-08-minutes.txt"),
 ("caerwen-planning-2025-07-02-report-felin.txt", "rejected", "caerwen-planning-2025-07-02-minutes.txt"),
 ("caerwen-planning-2025-07-02-report-cafe.txt", "agreed", "caerwen-planning-2025-07-02-minutes.txt"),
 ("glenmorris-audit-2025-06-24-report-annual.txt", "noted", "glenmorris-audit-2025-06-24-minute.txt"),
 ("glenmorris-audit-2025-06-24-report-risk.txt", "agreed", "glenmorris-audit-2025-06-24-minute.txt"),
 ("moylecoast-leisure-2025-07-07-report-festival.txt", "agreed", "moylecoast-leisure-2025-07-07-minutes.txt"),
 ("moylecoast-leisure-2025-07-07-report-pitch.txt", "rejected", "moylecoast-leisure-2025-07-07-minutes.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
