namespace BrandHub.Core.Audience;

/// <summary>
/// GDPR article 6 lawful basis recorded with an opt-in. Wire names: <c>consent</c>, <c>contract</c>,
/// <c>legitimate_interest</c>, <c>legal_obligation</c>.
/// </summary>
public enum LegalBasis
{
    /// <summary>Art. 6(1)(a): the contact agreed; needs proof of how and when.</summary>
    Consent,

    /// <summary>Art. 6(1)(b): needed to perform a contract with the contact.</summary>
    Contract,

    /// <summary>Art. 6(1)(f): e.g. soft opt-in marketing to existing customers.</summary>
    LegitimateInterest,

    /// <summary>Art. 6(1)(c): required by law.</summary>
    LegalObligation,
}
