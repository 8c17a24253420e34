"""Spanish names for the seeded catalog, for the Spanish public pages."""

from django.db import migrations

SPANISH = {
    "Neighborhood Watch": "Vigilancia Vecinal",
    "Home Security Survey": "Inspección de seguridad del hogar",
    "Business Security Survey": "Inspección de seguridad del negocio",
    "Shoplifting Awareness": "Prevención del robo en tiendas",
    "Worthless Check Procedure": "Qué hacer con cheques sin fondos",
    "Fraud Information for Businesses": "Información sobre fraudes para negocios",
    "Drug and Alcohol Information": "Información sobre drogas y alcohol",
    "Stranger Danger": "Cuidado con los desconocidos",
    "Pedestrian Safety": "Seguridad peatonal",
    "Drug and Alcohol Abuse Prevention for Children": "Prevención del abuso de drogas y alcohol para niños",
    "Vandalism Prevention for Children": "Prevención del vandalismo para niños",
    "Bicycle Safety": "Seguridad en bicicleta",
    "Emergencies: When and How to Call 911": "Emergencias: cuándo y cómo llamar al 911",
    "Seat Belts": "Cinturones de seguridad",
    "Personal Character": "Valores personales",
    "McGruff the Crime Dog": "McGruff, el perro contra el crimen",
    "Crime Stoppers": "Crime Stoppers (denuncias anónimas)",
    "Burglary Prevention": "Prevención de robos en viviendas",
    "Rape Prevention": "Prevención de la violación",
    "Fraud Prevention": "Prevención de fraudes",
    "Emergency Reporting Procedure": "Cómo reportar una emergencia",
    "Operation ID": "Operación Identificación (marcado de bienes)",
    "Robbery Prevention": "Prevención de asaltos",
    "Commercial Burglary Prevention": "Prevención de robos en comercios",
    "Community Group Liaison Meetings": "Reuniones con grupos comunitarios",
    "Community Policing Council Meetings": "Reuniones del consejo de policía comunitaria",
    "Community Forums": "Foros comunitarios",
    "Coffee with the Chief": "Café con el jefe de policía",
    "Police Station Open House": "Puertas abiertas en la estación de policía",
    "Social Media Outreach": "Alcance en redes sociales",
    "Lunch with Officers at Schools": "Almuerzo con agentes en las escuelas",
    "Police Activities League (PAL)": "Liga de Actividades Policiales (PAL)",
    "Youth Mentorship Program": "Programa de mentoría juvenil",
    "Civic and Religious Functions": "Actos cívicos y religiosos",
    "Blue Santa / Silver Santa": "Santa Azul / Santa Plateado",
    "Infant Seat Installation Safety Checks": "Revisión e instalación de asientos infantiles",
    "Citizens Helping in Policing": "Ciudadanos que ayudan a la policía",
    "Back to School – Shopping with a Cop": "Regreso a clases: de compras con un policía",
    "Are U OK Senior Citizen Program": "Programa «¿Está bien?» para personas mayores",
    "D.A.R.E.": "D.A.R.E. (educación para resistir las drogas)",
    "Community Surveys": "Encuestas comunitarias",
    "Run for the Heroes 5K Race": "Carrera 5K por los héroes",
    "VIN Etching": "Grabado del número de identificación del vehículo (VIN)",
    "Citizens Police Academy": "Academia de Policía Ciudadana",
}


def name_in_spanish(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    for program in Program.objects.filter(name__in=SPANISH, name_es=""):
        program.name_es = SPANISH[program.name]
        program.save(update_fields=["name_es"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0005_watch_groups_and_requests")]

    operations = [migrations.RunPython(name_in_spanish, migrations.RunPython.noop)]
