namespace Newsroom.Articles;

/// <summary>A geo-tag. Latitude and longitude are optional: a place name alone is a valid tag.</summary>
public sealed record GeoLocation(string Name, double? Lat = null, double? Lon = null);
