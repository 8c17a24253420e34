"""Seed the crime-type vocabulary and every program the five department policies name.

The data is frozen here on purpose: a migration must not change when the
code does. Departments edit, retire and add programs afterwards.
"""

from django.db import migrations

CRIME_TYPES = [
    # code, English, Spanish
    ("burglary", "Burglary", "Robo con allanamiento"),
    ("robbery", "Robbery", "Asalto y robo con violencia"),
    ("theft", "Theft & shoplifting", "Hurto y robo en tiendas"),
    ("fraud", "Fraud & worthless checks", "Fraude y cheques sin fondos"),
    ("vandalism", "Vandalism", "Vandalismo"),
    ("drugs", "Drugs & alcohol", "Drogas y alcohol"),
    ("traffic", "Traffic & pedestrian safety", "Seguridad vial y peatonal"),
    ("family_violence", "Family violence", "Violencia familiar"),
    ("sexual_assault", "Sexual assault", "Agresión sexual"),
    ("child_safety", "Child safety", "Seguridad infantil"),
    ("quality_of_life", "Quality of life", "Calidad de vida"),
    ("vehicle_crime", "Vehicle theft & break-ins", "Robo de vehículos y de objetos en vehículos"),
    ("youth", "Youth crime & delinquency", "Delincuencia juvenil"),
    ("elder_safety", "Elder abuse & scams", "Abuso y estafas a personas mayores"),
    ("emergencies", "Emergencies & reporting", "Emergencias y cómo reportarlas"),
]

SOP_121 = "Community Relations & Crime Prevention SOP 121.01"
POL_49 = "Community Outreach and Customer Service Policy 4.9"
SAMPLE = "Texas sample community outreach policy"
SOP_47 = "PACT Teams SOP 4-7"
POL_99 = "Community Relations Policy 99-027"

PROGRAMS = [
    # name, category, audience, crime types, policy reference, description
    (
        "Neighborhood Watch",
        "crime_awareness",
        "Residents and business owners of a block or area",
        ["burglary", "theft", "vandalism", "quality_of_life"],
        f"{SOP_121} §II.E, §IV.A.1; {POL_99} §II.B.4, §II.C.3.a",
        "Organizing residential and business crime-watch groups, started by the department or by concerned "
        "citizens, with a block captain and a liaison officer.",
    ),
    (
        "Home Security Survey",
        "security_survey",
        "Homeowners and renters",
        ["burglary", "theft"],
        f"{SOP_121} §IV.A.2; {POL_99} §II.C.3.f; {POL_49} §III.C.1.g",
        "An officer walks through a home and recommends locks, lighting and habits that make it harder to burglarize.",
    ),
    (
        "Business Security Survey",
        "security_survey",
        "Business owners and managers",
        ["burglary", "robbery", "theft"],
        f"{SOP_121} §IV.A.2; {POL_49} §III.C.1.g",
        "An officer reviews a business's doors, lighting, cash handling and alarms and recommends improvements.",
    ),
    (
        "Shoplifting Awareness",
        "business",
        "Retail owners and staff",
        ["theft"],
        f"{SOP_121} §IV.A.3",
        "How shoplifters operate, store layout that deters them, and what staff may lawfully do.",
    ),
    (
        "Worthless Check Procedure",
        "business",
        "Business owners and cashiers",
        ["fraud"],
        f"{SOP_121} §IV.A.3",
        "Accepting checks safely and the steps to report and recover a worthless check.",
    ),
    (
        "Fraud Information for Businesses",
        "business",
        "Business owners and staff",
        ["fraud"],
        f"{SOP_121} §IV.A.3",
        "Counterfeit currency, card fraud, invoice and phone scams aimed at businesses.",
    ),
    (
        "Drug and Alcohol Information",
        "crime_awareness",
        "Parents, adults and community groups",
        ["drugs"],
        f"{SOP_121} §IV.A.4",
        "Current drug trends, warning signs and where to get help.",
    ),
    (
        "Stranger Danger",
        "elementary",
        "Elementary-school students",
        ["child_safety"],
        f"{SOP_121} §IV.A.5.a",
        "Recognizing unsafe situations with strangers and what to do.",
    ),
    (
        "Pedestrian Safety",
        "elementary",
        "Elementary-school students",
        ["traffic", "child_safety"],
        f"{SOP_121} §IV.A.5.b",
        "Crossing streets safely, walking to school and being seen.",
    ),
    (
        "Drug and Alcohol Abuse Prevention for Children",
        "elementary",
        "Elementary-school students",
        ["drugs"],
        f"{SOP_121} §IV.A.5.c",
        "Age-appropriate lessons on saying no to drugs and alcohol.",
    ),
    (
        "Vandalism Prevention for Children",
        "elementary",
        "Elementary-school students",
        ["vandalism"],
        f"{SOP_121} §IV.A.5.d",
        "Why vandalism hurts everyone and respecting property.",
    ),
    (
        "Bicycle Safety",
        "elementary",
        "Elementary-school students",
        ["traffic", "child_safety"],
        f"{SOP_121} §IV.A.5.e",
        "Helmets, rules of the road and bicycle registration.",
    ),
    (
        "Emergencies: When and How to Call 911",
        "elementary",
        "Elementary-school students",
        ["emergencies", "child_safety"],
        f"{SOP_121} §IV.A.5.f",
        "What an emergency is, how to call 911 and what to say.",
    ),
    (
        "Seat Belts",
        "elementary",
        "Elementary-school students",
        ["traffic", "child_safety"],
        f"{SOP_121} §IV.A.5.g",
        "Buckling up every ride, booster seats and riding safely.",
    ),
    (
        "Personal Character",
        "elementary",
        "Elementary-school students",
        ["youth", "theft"],
        f"{SOP_121} §IV.A.5.h",
        "Self-discipline, respect for authority, and why stealing is wrong.",
    ),
    (
        "McGruff the Crime Dog",
        "elementary",
        "Students of all area schools",
        ["child_safety", "youth"],
        f"{POL_99} §II.C.2",
        "The national McGruff crime-prevention program for children.",
    ),
    (
        "Crime Stoppers",
        "crime_awareness",
        "Students and the general public",
        ["quality_of_life"],
        f"{POL_99} §II.C.2",
        "How to report crime anonymously through Crime Stoppers.",
    ),
    (
        "Burglary Prevention",
        "crime_awareness",
        "Residents and citizen groups",
        ["burglary"],
        f"{POL_99} §II.C.3.b",
        "Making homes harder targets: locks, lighting, neighbors and habits.",
    ),
    (
        "Rape Prevention",
        "crime_awareness",
        "Adults, students and citizen groups",
        ["sexual_assault"],
        f"{POL_99} §II.C.3.c",
        "Risk reduction, bystander intervention and support for survivors.",
    ),
    (
        "Fraud Prevention",
        "crime_awareness",
        "Residents, especially seniors",
        ["fraud", "elder_safety"],
        f"{POL_99} §II.C.3.d",
        "Recognizing phone, mail, internet and door-to-door scams.",
    ),
    (
        "Emergency Reporting Procedure",
        "crime_awareness",
        "Citizen groups",
        ["emergencies"],
        f"{POL_99} §II.C.3.e",
        "When to call 911 or the non-emergency line and what information to give.",
    ),
    (
        "Operation ID",
        "crime_awareness",
        "Residents and businesses",
        ["burglary", "theft"],
        f"{POL_99} §II.C.3.g",
        "Marking property with an identifying number so stolen items can be traced and returned.",
    ),
    (
        "Robbery Prevention",
        "crime_awareness",
        "Residents, business owners and staff",
        ["robbery"],
        f"{POL_99} §II.C.3.h",
        "Reducing the risk of robbery and what to do during and after one.",
    ),
    (
        "Commercial Burglary Prevention",
        "business",
        "Business owners and managers",
        ["burglary"],
        f"{POL_99} §II.C.3.i",
        "Protecting business premises after hours: alarms, lighting, cash and inventory.",
    ),
    (
        "Community Group Liaison Meetings",
        "community_event",
        "Civic groups, minority groups, neighborhood councils and crime-watch groups",
        ["quality_of_life"],
        f"{POL_99} §II.C.1; {SOP_121} §II.A, §II.F",
        "Meeting community groups to exchange information and carry their concerns back to the department.",
    ),
    (
        "Community Policing Council Meetings",
        "community_event",
        "Residents and community leaders",
        ["quality_of_life"],
        f"{SOP_47} §4-7-5.E.2",
        "Officers attend community policing council meetings to hear and act on concerns.",
    ),
    (
        "Community Forums",
        "community_event",
        "The general public",
        ["quality_of_life"],
        f"{POL_49} §III.C.1.a; {SAMPLE}",
        "Public meetings with officers and command staff; every forum offers the community survey.",
    ),
    (
        "Coffee with the Chief",
        "community_event",
        "The general public",
        ["quality_of_life"],
        f"{POL_49} §III.C.1.b; {SAMPLE}",
        "Informal meetings with the chief at local venues and restaurants.",
    ),
    (
        "Police Station Open House",
        "community_event",
        "Families and the general public",
        [],
        f"{POL_49} §III.C.1.c; {SAMPLE}",
        "Tours of the police station and meetings with officers and units.",
    ),
    (
        "Social Media Outreach",
        "community_event",
        "The online community",
        [],
        f"{POL_49} §III.C.1.d, §III.C.3; {SAMPLE}",
        "Safety information and feedback through the department's social media, never the only channel.",
    ),
    (
        "Lunch with Officers at Schools",
        "youth",
        "Students at area schools",
        ["youth"],
        f"{POL_49} §III.C.1.e; {SAMPLE}",
        "Officers eat lunch with students at area schools.",
    ),
    (
        "Police Activities League (PAL)",
        "youth",
        "Youth",
        ["youth"],
        f"{POL_49} §III.C.1.f; {SAMPLE}",
        "Sports and activities that bring officers and young people together.",
    ),
    (
        "Youth Mentorship Program",
        "youth",
        "At-risk youth",
        ["youth"],
        f"{POL_49} §III.C.1.h; {SAMPLE}",
        "Officers mentor local at-risk young people.",
    ),
    (
        "Civic and Religious Functions",
        "community_event",
        "Civic and faith communities",
        ["quality_of_life"],
        f"{POL_49} §III.C.1.i; {SAMPLE}",
        "Regular attendance by officers at civic and religious functions.",
    ),
    (
        "Blue Santa / Silver Santa",
        "community_event",
        "Children and seniors in need",
        [],
        f"{POL_49} §III.C.1.j; {SAMPLE}",
        "Holiday gifts delivered by officers to children (Blue Santa) and seniors (Silver Santa).",
    ),
    (
        "Infant Seat Installation Safety Checks",
        "community_event",
        "Parents and caregivers",
        ["traffic", "child_safety"],
        f"{POL_49} §III.C.1.k; {SAMPLE}",
        "Certified officers check and install child safety seats.",
    ),
    (
        "Citizens Helping in Policing",
        "volunteer",
        "Adult volunteers",
        [],
        f"{POL_49} §III.C.1.l",
        "Volunteers who support the department's work in the community.",
    ),
    (
        "Back to School – Shopping with a Cop",
        "youth",
        "Children from families in need",
        ["youth"],
        f"{POL_49} §III.C.1.m; {SAMPLE}",
        "Officers take children shopping for school supplies and clothes.",
    ),
    (
        "Are U OK Senior Citizen Program",
        "senior",
        "Seniors living alone",
        ["elder_safety"],
        f"{POL_49} §III.C.1.n",
        "A daily check-in call for seniors; no answer brings a welfare check.",
    ),
    (
        "D.A.R.E.",
        "youth",
        "School students",
        ["drugs", "youth"],
        f"{SAMPLE}",
        "Drug Abuse Resistance Education taught in schools by trained officers.",
    ),
    (
        "Community Surveys",
        "community_event",
        "The general public",
        ["quality_of_life"],
        f"{SAMPLE}; {POL_49} §III.C.2",
        "Surveys by water bill, website, public forums and social media; results go to the chief.",
    ),
    (
        "Run for the Heroes 5K Race",
        "community_event",
        "The general public",
        [],
        f"{SAMPLE}",
        "A community 5K race with the department.",
    ),
    (
        "VIN Etching",
        "crime_awareness",
        "Vehicle owners",
        ["vehicle_crime"],
        f"{SAMPLE}",
        "Etching the vehicle identification number on windows to deter vehicle and parts theft.",
    ),
    (
        "Citizens Police Academy",
        "volunteer",
        "Adult residents",
        ["quality_of_life"],
        f"{SAMPLE}",
        "A multi-week course on how the department works, from patrol to investigations.",
    ),
]


def seed(apps, schema_editor):
    CrimeType = apps.get_model("programs", "CrimeType")
    Program = apps.get_model("programs", "Program")
    crime_types = {}
    for order, (code, name, name_es) in enumerate(CRIME_TYPES, start=1):
        crime_types[code], _created = CrimeType.objects.get_or_create(
            code=code, defaults={"name": name, "name_es": name_es, "sort_order": order * 10}
        )
    for name, category, audience, codes, reference, description in PROGRAMS:
        program, created = Program.objects.get_or_create(
            name=name,
            defaults={
                "category": category,
                "audience": audience,
                "policy_reference": reference,
                "description": description,
            },
        )
        if created:
            program.crime_types.set([crime_types[code] for code in codes])


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
