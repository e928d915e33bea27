"""The areas of the United Kingdom's principal councils, as people name them in a question
("How many children are in care in Cornwall?"). A question about an area whose council the archive
does not hold is not answered from another council's papers. Regions ("West Midlands", "England")
are left out: papers quote them as comparators, and a question about one may be answered from them.
Names of places inside an area ("Hereford") are left out too: they are not councils."""

from __future__ import annotations

import re
from functools import lru_cache

_ENGLAND = """
Barking and Dagenham; Barnet; Barnsley; Bath and North East Somerset; Bedford; Bexley; Birmingham;
Blackburn with Darwen; Blackpool; Bolton; Bournemouth, Christchurch and Poole; Bracknell Forest;
Bradford; Brent; Brighton and Hove; Bristol; Bromley; Buckinghamshire; Bury; Calderdale; Cambridgeshire;
Camden; Central Bedfordshire; Cheshire East; Cheshire West and Chester; City of London; Cornwall;
Coventry; Croydon; Cumberland; Darlington; Derby; Derbyshire; Devon; Doncaster; Dorset; Dudley; Durham;
Ealing; East Riding of Yorkshire; East Sussex; Enfield; Essex; Gateshead; Gloucestershire; Greenwich;
Hackney; Halton; Hammersmith and Fulham; Hampshire; Haringey; Harrow; Hartlepool; Havering;
Herefordshire; Hertfordshire; Hillingdon; Hounslow; Isle of Wight; Isles of Scilly; Islington;
Kensington and Chelsea; Kent; Kingston upon Hull; Kingston upon Thames; Kirklees; Knowsley; Lambeth;
Lancashire; Leeds; Leicester; Leicestershire; Lewisham; Lincolnshire; Liverpool; Luton; Manchester;
Medway; Merton; Middlesbrough; Milton Keynes; Newcastle upon Tyne; Newham; Norfolk;
North East Lincolnshire; North Lincolnshire; North Northamptonshire; North Somerset; North Tyneside;
North Yorkshire; Northumberland; Nottingham; Nottinghamshire; Oldham; Oxfordshire; Peterborough;
Plymouth; Portsmouth; Reading; Redbridge; Redcar and Cleveland; Richmond upon Thames; Rochdale;
Rotherham; Rutland; Salford; Sandwell; Sefton; Sheffield; Shropshire; Slough; Solihull; Somerset;
South Gloucestershire; South Tyneside; Southampton; Southend-on-Sea; Southwark; St Helens; Staffordshire;
Stockport; Stockton-on-Tees; Stoke-on-Trent; Suffolk; Sunderland; Surrey; Sutton; Swindon; Tameside;
Telford and Wrekin; Thurrock; Torbay; Tower Hamlets; Trafford; Wakefield; Walsall; Waltham Forest;
Wandsworth; Warrington; Warwickshire; West Berkshire; West Northamptonshire; West Sussex; Westminster;
Westmorland and Furness; Wigan; Wiltshire; Windsor and Maidenhead; Wirral; Wokingham; Wolverhampton;
Worcestershire; York
"""
_WALES = """
Blaenau Gwent; Bridgend; Caerphilly; Cardiff; Carmarthenshire; Ceredigion; Conwy; Denbighshire;
Flintshire; Gwynedd; Isle of Anglesey; Merthyr Tydfil; Monmouthshire; Neath Port Talbot; Newport;
Pembrokeshire; Powys; Rhondda Cynon Taf; Swansea; Torfaen; Vale of Glamorgan; Wrexham
"""
_SCOTLAND = """
Aberdeen; Aberdeenshire; Angus; Argyll and Bute; Clackmannanshire; Dumfries and Galloway; Dundee;
East Ayrshire; East Dunbartonshire; East Lothian; East Renfrewshire; Edinburgh; Falkirk; Fife; Glasgow;
Highland; Inverclyde; Midlothian; Moray; North Ayrshire; North Lanarkshire; Orkney; Perth and Kinross;
Renfrewshire; Scottish Borders; Shetland; South Ayrshire; South Lanarkshire; Stirling;
West Dunbartonshire; West Lothian; Western Isles
"""
_NORTHERN_IRELAND = """
Antrim and Newtownabbey; Ards and North Down; Armagh City, Banbridge and Craigavon; Belfast;
Causeway Coast and Glens; Derry City and Strabane; Fermanagh and Omagh; Lisburn and Castlereagh;
Mid and East Antrim; Mid Ulster; Newry, Mourne and Down
"""
# Words that name an area only in a council's name: "Highland" alone is an adjective, and so on.
_ONLY_AS_COUNCIL = frozenset({"Highland", "Reading", "Sutton", "Bury", "Angus", "Moray", "Halton"})

AREAS: tuple[str, ...] = tuple(
    " ".join(name.split()) for block in (_ENGLAND, _WALES, _SCOTLAND, _NORTHERN_IRELAND)
    for name in block.split(";") if name.strip())


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted((a for a in AREAS if a not in _ONLY_AS_COUNCIL), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")\b")


def areas_named(text: str) -> tuple[str, ...]:
    """The council areas a text names, capitalised as names are ("in Cornwall", "Telford and
    Wrekin's"), longest name first where two overlap ("North Somerset", not "Somerset")."""
    return tuple(dict.fromkeys(area for area, _, _ in area_spans(text)))


def area_spans(text: str) -> list[tuple[str, int, int]]:
    """Each council area the text names, with where it stands: (area, start, end)."""
    return [(" ".join(m.group(1).split()), m.start(1), m.end(1)) for m in _pattern().finditer(text)]
