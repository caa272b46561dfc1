namespace Pcc.Functions.Pages;

/// <summary>
/// The one stylesheet of every page, inlined so a page is a single response that works offline and under a strict
/// content security policy. Readable on a phone, visible focus, contrast at least 4.5:1 (WCAG AA).
/// </summary>
public static class SiteStyle
{
    /// <summary>The CSS.</summary>
    public const string Css =
        ":root{--ink:#1b1b1b;--muted:#4a4a4a;--link:#1d4f91;--line:#d0d5dd;--soft:#f3f5f8}" +
        "*{box-sizing:border-box}" +
        "body{font:1.05rem/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);background:#fff;margin:0;overflow-wrap:anywhere}" +
        ".wrap{max-width:42rem;margin:0 auto;padding:0 1rem}" +
        "header{border-bottom:1px solid var(--line);background:var(--soft)}" +
        "header .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:baseline;padding-top:.7rem;padding-bottom:.7rem}" +
        ".site{font-weight:700;color:var(--ink);text-decoration:none}" +
        "nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}" +
        "main{padding-top:1rem;padding-bottom:2rem}" +
        "footer{border-top:1px solid var(--line);color:var(--muted);font-size:.92rem;padding:1rem 0 2rem}" +
        "h1{font-size:1.5rem;line-height:1.25;margin:.8rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}" +
        "a{color:var(--link)}ul{padding-left:1.2rem}li{margin:.25rem 0}" +
        ".meta{color:var(--muted);font-size:.92rem;margin:.2rem 0}" +
        ".items{list-style:none;padding:0}.items>li{border-top:1px solid var(--line);padding:.7rem 0}" +
        ".table{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}" +
        "fieldset{border:0;padding:0;margin:0 0 1.2rem}legend{font-weight:600;padding:0}label{display:block;padding:.25rem 0}" +
        ".choice small{display:block;color:var(--muted);margin-left:1.6rem}" +
        "input[type=text],input[type=email],input[type=search],input[type=date],input[type=file],select{font:inherit;padding:.45rem .5rem;border:1px solid #6b7280;border-radius:.3rem;max-width:100%;width:100%}" +
        "input[type=checkbox],input[type=radio]{width:1.1rem;height:1.1rem;margin-right:.4rem;vertical-align:-.15rem}" +
        ".field{margin:0 0 1rem}" +
        "button{font:inherit;padding:.65rem 1.3rem;border:0;border-radius:.35rem;background:var(--link);color:#fff;cursor:pointer}" +
        ":focus-visible{outline:3px solid #b45309;outline-offset:2px}" +
        "mark{background:#fff1a8;color:var(--ink);padding:0 .1rem}" +
        "ins{background:#dcf5e3;color:#0b4f1c;text-decoration:underline}del{background:#fde4e2;color:#7a0b10}" +
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:1}" +
        "[role=alert]{color:#a4000f}[role=status]{background:var(--soft);padding:.6rem .8rem;border-left:4px solid var(--link)}" +
        ".tag{display:inline-block;font-size:.85rem;font-weight:600;padding:0 .4rem;border-radius:.25rem;background:var(--soft);border:1px solid var(--line)}";
}
