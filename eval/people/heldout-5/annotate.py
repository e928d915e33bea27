# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the fifth held-out set: five meetings written after the fixes that followed
the fourth held-out run, annotated before the rules were run on them, and measured once."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "harrowby-planning-2025-03-04-minutes.txt": {
  "present": ["Maureen Fielding", "Tariq Aziz", "Brian Colley", "Denise Harper", "Lee Mottram", "Sarah Quinn-Evans", "Robert Youngs"],
  "chair": ["Maureen Fielding"], "vice-chair": ["Tariq Aziz"], "officer": ["Paul Ingram", "Kate Dennison", "Amy Ruddock"],
  "apologies": ["Nigel Pratt"], "substitute": ["Robert Youngs"], "declared": ["Denise Harper"],
  "moved": ["Brian Colley", "Lee Mottram"], "seconded": ["Tariq Aziz", "Denise Harper"]},
 "cwmbryn-town-council-2025-02-18-minutes.txt": {
  "present": ["Eleri Bowen", "Tomos Pugh", "Angharad Lewis", "Dafydd Rees", "Mair Thomas", "Simon Whitfield"],
  "chair": ["Eleri Bowen"], "vice-chair": ["Tomos Pugh"], "officer": ["Huw Jenkins"], "apologies": ["Peter Grey", "Lowri Hughes"],
  "declared": ["Simon Whitfield"], "moved": ["Dafydd Rees", "Angharad Lewis"], "seconded": ["Mair Thomas", "Tomos Pugh"]},
 "skerryvoe-development-2025-02-25-minute.txt": {
  "present": ["Magnus Flett", "Ingrid Rendall", "Thorfinn Drever", "Kirsteen Linklater", "Sweyn Muir", "Alison Spence", "Hugh Tulloch"],
  "chair": ["Magnus Flett"], "vice-chair": ["Ingrid Rendall"], "officer": ["Gavin Isbister", "Joan Omand", "Erlend Work"],
  "apologies": ["Raymond Sclater"], "declared": ["Alison Spence"], "moved": ["Thorfinn Drever", "Kirsteen Linklater"],
  "seconded": ["Sweyn Muir", "Hugh Tulloch"], "voted-for": ["Thorfinn Drever", "Magnus Flett", "Sweyn Muir", "Ingrid Rendall"],
  "voted-against": ["Kirsteen Linklater", "Hugh Tulloch"]},
 "bannside-environment-2025-03-10-minutes.txt": {
  "present": ["T Hagan", "J Kerr", "R Watson", "C Bell", "M Donnelly", "F Hughes", "D McCann", "S Nelson", "P O'Hara"],
  "chair": ["T Hagan"], "vice-chair": ["C Bell"], "officer": ["K Wright", "L Crawford", "A Boyd"], "apologies": ["G Rainey"],
  "moved": ["F Hughes", "M Donnelly", "J Kerr"], "seconded": ["R Watson", "P O'Hara", "S Nelson"]},
 "westmoor-cabinet-2025-03-12-minutes.txt": {
  "present": ["Julian Asquith", "Rosalind Perry", "Mohammed Iqbal", "Teresa Godwin", "Alan Brightwell", "Carys Nuttall", "Dominic Rayner", "Sue Kettle"],
  "chair": ["Julian Asquith"], "officer": ["Helen Marchbank", "Oliver Grant", "Pauline Shore"]},
}
D = [
 ("harrowby-planning-2025-03-04-report-garage.txt", "agreed", "harrowby-planning-2025-03-04-minutes.txt"),
 ("harrowby-planning-2025-03-04-report-mill-farm.txt", "deferred", "harrowby-planning-2025-03-04-minutes.txt"),
 ("harrowby-planning-2025-03-04-report-tpo.txt", "agreed-amended", "harrowby-planning-2025-03-04-minutes.txt"),
 ("cwmbryn-town-council-2025-02-18-report-precept.txt", "agreed-amended", "cwmbryn-town-council-2025-02-18-minutes.txt"),
 ("cwmbryn-town-council-2025-02-18-report-lights.txt", "rejected", "cwmbryn-town-council-2025-02-18-minutes.txt"),
 ("skerryvoe-development-2025-02-25-report-dues.txt", "agreed", "skerryvoe-development-2025-02-25-minute.txt"),
 ("skerryvoe-development-2025-02-25-report-roads.txt", "agreed", "skerryvoe-development-2025-02-25-minute.txt"),
 ("skerryvoe-development-2025-02-25-report-ferry.txt", "referred", "skerryvoe-development-2025-02-25-minute.txt"),
 ("bannside-environment-2025-03-10-report-liners.txt", "agreed", "bannside-environment-2025-03-10-minutes.txt"),
 ("bannside-environment-2025-03-10-report-opening.txt", "rejected", "bannside-environment-2025-03-10-minutes.txt"),
 ("bannside-environment-2025-03-10-report-conveniences.txt", "agreed-amended", "bannside-environment-2025-03-10-minutes.txt"),
 ("westmoor-cabinet-2025-03-12-report-admissions.txt", "agreed", "westmoor-cabinet-2025-03-12-minutes.txt"),
 ("westmoor-cabinet-2025-03-12-report-transport.txt", "deferred", "westmoor-cabinet-2025-03-12-minutes.txt"),
 ("westmoor-cabinet-2025-03-12-report-risk.txt", "noted", "westmoor-cabinet-2025-03-12-minutes.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
