global using System.Net;
global using BrandHub.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.Configuration;
global using BrandHub;
global using BrandHub.Data;
