from django import forms

from .models import CrimeType, Program


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = ["name", "category", "audience", "crime_types", "description", "policy_reference"]
        widgets = {
            "crime_types": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime_types"].queryset = CrimeType.objects.filter(is_active=True)
