global using System.Net;
global using System.Text.RegularExpressions;
global using BrandHub.Tests.Infrastructure;
global using Microsoft.Playwright;
