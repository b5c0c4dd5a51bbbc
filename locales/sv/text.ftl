# text: det en handling kan innehålla (src/repo/glyphs.rs)

text-glyph-missing = texten innehåller { $characters }, som inget av rsr:s typsnitt kan visa: handlingen skulle inte gå att göra
text-glyph-missing-hint = skriv texten på ett annat sätt (ett kinesiskt namn med latinska bokstäver, till exempel) eller utelämna tecknet; docs/documents.md listar de skriftsystem handlingarna kan visa

text-too-long = texten är { $characters } tecken lång: alla värden utom de långa textfälten (`ärendebeskrivning`, `beslut` …) kan också bli en sträng i PDF-filen (ett bokmärke, handlingens titel), som rymmer högst { $limit } byte, och den här skulle ta { $bytes }
text-too-long-hint = korta den till en rubrik och flytta resten till ärendets text (`ärendebeskrivning`), som får vara så lång som den behöver
text-too-long-word = texten innehåller { $characters } tecken utan mellanslag: en rad i PDF-filen rymmer högst { $limit } tecken i ett stycke
text-too-long-word-hint = så lång text utan mellanslag är oftast något som klistrats in av misstag (en kodad fil, en rad med symboler): ta bort den, eller lägg dokumentet som bilaga under `beslutsunderlag`
