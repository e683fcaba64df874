namespace HccOrleans.Grains.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, reckoned at UTC+7: months begin on the local day of the
/// astronomical new moon, and month 11 is the one that contains the winter solstice. New moons and
/// solar longitudes use the low-precision series of Meeus, "Astronomical Algorithms" (ch. 49, 25),
/// which is exact to the day for the years the engine deals with.
/// </summary>
public static class LunarCalendar
{
    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695; // Julian day of the new moon of 1900-01-01
    private const double HoursOfVietnam = 7.0;

    /// <summary>The solar date of a day of a (non-leap) lunar month.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);

        var (month11, nextMonth11) = lunarMonth < 11
            ? (Month11Start(lunarYear - 1), Month11Start(lunarYear))
            : (Month11Start(lunarYear), Month11Start(lunarYear + 1));
        var lunation = LunationIndex(month11);
        var offset = (lunarMonth - 11 + 12) % 12;

        if (nextMonth11 - month11 > 365)
        {
            // A leap year of 13 months: months from the leap one on start one lunation later.
            var leapOffset = LeapMonthOffset(month11);
            if (offset >= leapOffset)
            {
                offset++;
            }
        }

        var monthStart = NewMoonDay(lunation + offset);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>The first day of the lunar new year (Tết Nguyên Đán) that falls in <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    private static int LunationIndex(int julianDay) => (int)Math.Floor(0.5 + ((julianDay - NewMoonEpoch) / SynodicMonth));

    private static int Month11Start(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        // Month 11 must begin before the solstice (sun longitude 270°, sector 9 of 12).
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    private static int LeapMonthOffset(int month11)
    {
        var k = LunationIndex(month11);
        var i = 1;
        var sector = SunSector(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = SunSector(NewMoonDay(k + i));
        }
        while (sector != previous && i < 14);

        return i - 1;
    }

    /// <summary>The local (UTC+7) Julian day number of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var meanNewMoon = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * Sin(166.56 + (132.87 * t) - (0.009173 * t2)));
        var sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var latitude = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var correction = ((0.1734 - (0.000393 * t)) * Sin(sunAnomaly))
            + (0.0021 * Sin(2 * sunAnomaly))
            - (0.4068 * Sin(moonAnomaly))
            + (0.0161 * Sin(2 * moonAnomaly))
            - (0.0004 * Sin(3 * moonAnomaly))
            + (0.0104 * Sin(2 * latitude))
            - (0.0051 * Sin(sunAnomaly + moonAnomaly))
            - (0.0074 * Sin(sunAnomaly - moonAnomaly))
            + (0.0004 * Sin((2 * latitude) + sunAnomaly))
            - (0.0004 * Sin((2 * latitude) - sunAnomaly))
            - (0.0006 * Sin((2 * latitude) + moonAnomaly))
            + (0.0010 * Sin((2 * latitude) - moonAnomaly))
            + (0.0005 * Sin((2 * moonAnomaly) + sunAnomaly));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        var julianDay = meanNewMoon + correction - deltaT;
        return (int)Math.Floor(julianDay + 0.5 + (HoursOfVietnam / 24));
    }

    /// <summary>Which twelfth of the ecliptic (0..11) the sun is in at the start of a local day.</summary>
    private static int SunSector(int julianDay)
    {
        var t = (julianDay - 2451545.5 - (HoursOfVietnam / 24)) / 36525;
        var t2 = t * t;
        var meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var centre = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Sin(2 * meanAnomaly))
            + (0.000290 * Sin(3 * meanAnomaly));
        var longitude = (meanLongitude + centre) * Math.PI / 180;
        longitude -= Math.PI * 2 * Math.Floor(longitude / (Math.PI * 2));
        return (int)Math.Floor(longitude / Math.PI * 6);
    }

    private static double Sin(double degrees) => Math.Sin(degrees * Math.PI / 180);

    private static int JulianDay(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);
}
