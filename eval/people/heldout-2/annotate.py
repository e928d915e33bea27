# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the second held-out set: four meetings written after the fixes that
followed the first held-out run, annotated before the rules were run on them, and measured once."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "marlowvale-licensing-2024-09-10-minutes.txt": {
  "present": ["Hugh Pemberton", "Alison Crane", "Gary Bishop", "Nadia Rahman", "Colin Tebbit", "Olivia Dunne", "Mark Ellery"],
  "chair": ["Hugh Pemberton"], "vice-chair": ["Alison Crane"], "substitute": ["Mark Ellery"],
  "officer": ["Fiona Blake", "Ravi Gill", "Jo Marsh"], "apologies": ["Stephen Hale"], "declared": ["Colin Tebbit"],
  "moved": ["Gary Bishop", "Olivia Dunne"], "seconded": ["Nadia Rahman", "Alison Crane"],
  "voted-for": ["Alison Crane", "Olivia Dunne", "Mark Ellery", "Nadia Rahman"], "voted-against": ["Gary Bishop", "Hugh Pemberton", "Colin Tebbit"]},
 "ballykeel-leisure-2024-10-07-minutes.txt": {
  "present": ["Roisin Magee", "Derek Agnew", "Ciara Boyle", "Mark Henry", "Shane Kelly", "Joanne Moore", "Victor Stewart", "Robert Gilmour"],
  "chair": ["Roisin Magee"], "officer": ["P Hamill", "N Carson", "J Logan"], "apologies": ["Wesley Patton", "Emma Quigley"],
  "declared": ["Shane Kelly"], "moved": ["Derek Agnew", "Victor Stewart", "Robert Gilmour", "Joanne Moore"],
  "seconded": ["Ciara Boyle", "Mark Henry", "Joanne Moore"]},
 "westcarnach-planning-2024-08-21-minute.txt": {
  "present": ["Ailsa Fergusson", "Murdo MacAulay", "Jean Buchanan", "Iain Drummond", "Kenneth Ogilvie", "Shona Patterson"],
  "chair": ["Ailsa Fergusson"], "vice-chair": ["Murdo MacAulay"], "officer": ["Ross Anderson", "Eilidh Cowan", "Morag Wilson"],
  "apologies": ["Graeme Nicol"], "declared": ["Iain Drummond"], "moved": ["Kenneth Ogilvie", "Murdo MacAulay"],
  "seconded": ["Shona Patterson", "Jean Buchanan"],
  "voted-for": ["Kenneth Ogilvie", "Shona Patterson", "Iain Drummond"], "voted-against": ["Ailsa Fergusson", "Murdo MacAulay", "Jean Buchanan"]},
 "hollowmere-parish-2024-11-05-minutes.txt": {
  "present": ["P Warren", "D Okafor", "S Fitch", "L Barnes", "R Tully", "Helen Rook"], "chair": ["P Warren"],
  "officer": ["K Allsop", "Dan Frost"], "apologies": ["M Greer", "T Nash"], "declared": ["L Barnes"],
  "moved": ["S Fitch", "D Okafor"], "seconded": ["R Tully", "P Warren", "D Okafor"]},
}
D = [
 ("marlowvale-licensing-2024-09-10-report-fares.txt", "agreed", "marlowvale-licensing-2024-09-10-minutes.txt"),
 ("marlowvale-licensing-2024-09-10-report-policy.txt", "rejected", "marlowvale-licensing-2024-09-10-minutes.txt"),
 ("ballykeel-leisure-2024-10-07-report-pitch.txt", "agreed", "ballykeel-leisure-2024-10-07-minutes.txt"),
 ("ballykeel-leisure-2024-10-07-report-events.txt", "agreed-amended", "ballykeel-leisure-2024-10-07-minutes.txt"),
 ("westcarnach-planning-2024-08-21-report-kirkton.txt", "agreed", "westcarnach-planning-2024-08-21-minute.txt"),
 ("westcarnach-planning-2024-08-21-report-manse.txt", "deferred", "westcarnach-planning-2024-08-21-minute.txt"),
 ("hollowmere-parish-2024-11-05-report-precept.txt", "agreed-amended", "hollowmere-parish-2024-11-05-minutes.txt"),
 ("hollowmere-parish-2024-11-05-report-allotments.txt", "rejected", "hollowmere-parish-2024-11-05-minutes.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
