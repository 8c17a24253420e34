def department(request):
    """The department on every page header, when the request went through the middleware."""
    return {"department": getattr(request, "department", None)}
