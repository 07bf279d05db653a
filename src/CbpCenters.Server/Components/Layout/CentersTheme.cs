using MudBlazor;

namespace CbpCenters.Server.Components.Layout;

/// <summary>CBP blue with enough contrast for text (WCAG AA) on the app bar and buttons.</summary>
public static class CentersTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0a3161",
            Secondary = "#005ea2",
            AppbarBackground = "#0a3161",
            Error = "#b50909",
            Warning = "#8a5300",
            Success = "#00703c",
        },
    };
}
