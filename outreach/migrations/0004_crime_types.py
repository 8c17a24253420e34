"""Seed the department's shared vocabulary of crime types, in English and Spanish.

Programs address them, concerns are filed under them, surveys and reports count
by them. Frozen data, idempotent (the test suite runs it again after a flush).
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


def seed(apps, schema_editor):
    CrimeType = apps.get_model("outreach", "CrimeType")
    for order, (code, name, name_es) in enumerate(CRIME_TYPES, start=1):
        CrimeType.objects.get_or_create(
            code=code, defaults={"name": name, "name_es": name_es, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("outreach", "0003_department")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
